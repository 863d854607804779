package io.gull.devstack;

import java.nio.file.Path;

/** How one of Gull's Flink jobs starts, as {@link JobStartPlanner} decides it. */
sealed interface JobStart {

    /** It still runs in the cluster: leave it alone. */
    record LeaveRunning(String jobId) implements JobStart {
    }

    /**
     * Submit it without state.
     *
     * @param note why, when it could have had state ("" when it simply never ran or never checkpointed)
     */
    record Fresh(String note) implements JobStart {
    }

    /**
     * Submit it resuming from a checkpoint.
     *
     * @param checkpoint     the {@code chk-<n>} directory
     * @param fromEntryClass the job that wrote it: the job itself, or the one it replaces (a migration)
     */
    record Resume(Path checkpoint, String fromEntryClass) implements JobStart {
        boolean isMigrationTo(String entryClass) {
            return !fromEntryClass.equals(entryClass);
        }
    }
}
