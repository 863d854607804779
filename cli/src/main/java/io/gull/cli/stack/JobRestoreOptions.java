package io.gull.cli.stack;

import io.gull.devstack.JobRestore;
import io.gull.devstack.StackConfig;
import picocli.CommandLine.Option;

/** {@code --allow-non-restored-state} and {@code --fresh-jobs}: how the Flink jobs use their checkpoints. */
public final class JobRestoreOptions {
    @Option(names = "--allow-non-restored-state",
            description = "Resume the Flink jobs even when part of their checkpointed state belongs to no operator of "
                    + "the new jobs; that part is dropped. Without it such a resume fails and says so.")
    boolean allowNonRestoredState;

    @Option(names = "--fresh-jobs",
            description = "Start the Flink jobs without their state, ignoring remembered checkpoints (the device "
                    + "registry is read again from Kafka; sessions, subscriptions, queued and retained messages are "
                    + "lost).")
    boolean freshJobs;

    /** {@code config} with the jobs started as asked. */
    public StackConfig applyTo(StackConfig config) {
        if (allowNonRestoredState && freshJobs) {
            throw new IllegalArgumentException("--allow-non-restored-state and --fresh-jobs exclude each other: the "
                    + "first resumes the jobs from their checkpoints, the second starts them without");
        }
        return config.withJobRestore(freshJobs ? JobRestore.FRESH
                : allowNonRestoredState ? JobRestore.RESUME_ALLOW_NON_RESTORED_STATE : JobRestore.RESUME);
    }
}
