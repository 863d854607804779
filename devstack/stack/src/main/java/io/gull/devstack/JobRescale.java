package io.gull.devstack;

import java.nio.file.Path;

/**
 * What {@link GullStack#rescaleJob} did.
 *
 * @param job             the job
 * @param stoppedJobId    the Flink job that was stopped with a savepoint (or had already ended)
 * @param fromParallelism its parallelism (0 when it had already ended)
 * @param jobId           the Flink job that runs now
 * @param parallelism     the parallelism it runs at
 * @param resumedFrom     the savepoint (or, for a job that had already ended, the checkpoint) it resumed from
 */
public record JobRescale(JobName job, String stoppedJobId, int fromParallelism, String jobId, int parallelism,
        Path resumedFrom) {
    /**
     * The most a job of the stack may run at: Flink's default max parallelism for jobs of this size (128), which is
     * fixed in their state when they first start.
     */
    public static final int MAX_PARALLELISM = 128;

    /** @throws IllegalArgumentException unless 1 <= parallelism <= {@value #MAX_PARALLELISM} */
    public static int requireParallelism(int parallelism) {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException("parallelism must be between 1 and " + MAX_PARALLELISM + ", got "
                    + parallelism);
        }
        return parallelism;
    }
}
