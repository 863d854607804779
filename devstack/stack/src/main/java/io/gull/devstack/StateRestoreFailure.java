package io.gull.devstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A job that was to resume from a checkpoint but cannot restore its state: told apart from other failures by Flink's
 * message, and reported with the two ways out instead of silently starting without the state.
 */
final class StateRestoreFailure {
    private static final String CAUSED_BY = "Caused by: ";
    private static final int LOG_LINES = 400;
    private static final List<String> LOG_MARKERS = List.of("Cannot map checkpoint/savepoint state",
            "allowNonRestoredState", "StateMigrationException", "Failed to rollback to checkpoint/savepoint");

    private StateRestoreFailure() {
    }

    /** True when Flink's error says the state could not be mapped onto the job or read back. */
    static boolean isRestoreFailure(String flinkError) {
        String text = flinkError == null ? "" : flinkError.toLowerCase(Locale.ROOT);
        return text.contains("allownonrestoredstate") || text.contains("cannot map checkpoint/savepoint state")
                || text.contains("restor") || text.contains("rollback to checkpoint")
                || text.contains("statemigration") || text.contains("serializer") || text.contains("savepoint");
    }

    /**
     * Whether a job that was resumed failed because of its state.
     *
     * @param ended  it ended (FAILED, ...) rather than restarting
     * @param reason Flink's error, if Flink gave one
     * @return true when the reason says so, or when a resumed job ended without a reason: Flink reports a job whose
     *         state cannot be mapped as failed at initialization, sometimes with no exception in its history
     */
    static boolean explains(boolean ended, Optional<String> reason) {
        return reason.map(StateRestoreFailure::isRestoreFailure).orElse(ended);
    }

    /** The last line of the Flink log that tells of a restore failure, if any (the REST API may not have it). */
    static Optional<String> fromLog(Path flinkLog) {
        List<String> lines = LogTail.lastLines(flinkLog, LOG_LINES).lines().toList();
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i).strip();
            if (LOG_MARKERS.stream().anyMatch(line::contains)) {
                return Optional.of(line);
            }
        }
        return Optional.empty();
    }

    /** The line of Flink's error that says what went wrong: its innermost cause, else the whole line. */
    static String errorLine(String flinkError) {
        int cause = flinkError.lastIndexOf(CAUSED_BY);
        return cause < 0 ? flinkError.strip() : flinkError.substring(cause + CAUSED_BY.length()).strip();
    }

    /** The failure to stop the start-up with: which job, Flink's error, and what the operator can do. */
    static StackException of(String entryClass, Path checkpoint, Optional<String> flinkError, Path flinkLog) {
        String checkpointName = checkpoint.getParent() == null ? checkpoint.toString()
                : checkpoint.getParent().getFileName() + "/" + checkpoint.getFileName();
        return new StackException("Flink job " + FlinkJobSubmitter.simpleName(entryClass)
                + " cannot resume from its checkpoint " + checkpointName + ": "
                + flinkError.map(StateRestoreFailure::errorLine).orElse("(Flink gave no reason; see " + flinkLog + ")")
                + ". It was not started without its state. Either drop the state no operator of the job claims:"
                + " ./gull up --allow-non-restored-state, or start the jobs without their state: ./gull up --fresh-jobs"
                + " (the device registry is read again from gull.devices; sessions, subscriptions, queued and retained"
                + " messages are lost).");
    }
}
