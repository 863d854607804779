package io.gull.devstack;

/** How Gull's Flink jobs start when the data dir remembers a checkpoint of theirs. */
public enum JobRestore {
    /** Resume each job from its newest checkpoint; if any of that state cannot be restored, fail and say so. */
    RESUME,
    /** Resume, dropping the state that no operator of the job claims (Flink's {@code allowNonRestoredState}). */
    RESUME_ALLOW_NON_RESTORED_STATE,
    /** Ignore remembered checkpoints: start the jobs without their state. */
    FRESH
}
