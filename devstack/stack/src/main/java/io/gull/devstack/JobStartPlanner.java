package io.gull.devstack;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import io.gull.devstack.FlinkJobRecords.RememberedJob;

/**
 * Decides how each of Gull's Flink jobs starts from what the data dir remembers and what the cluster runs: a running
 * job is left alone; a job that ran before resumes from its newest checkpoint; a job that replaces another (same
 * operator uids) and never ran resumes from the newest checkpoint of the one it replaces. {@link JobRestore#FRESH}
 * ignores every checkpoint. No I/O of its own: checkpoints are looked up through the function it is given.
 */
final class JobStartPlanner {
    static final String SESSIONS_JOB = "io.gull.flink.SessionsJob";
    static final String TELEMETRY_JOB = "io.gull.flink.TelemetryJob";
    /** Before 0.2.0 the sessions job was the device-auth job; it keeps that job's operator uids. */
    static final String DEVICE_AUTH_JOB = "io.gull.flink.DeviceAuthJob";
    /** Entry class -> the entry class it replaces and takes the state of. */
    static final Map<String, String> REPLACES = Map.of(SESSIONS_JOB, DEVICE_AUTH_JOB);

    private final JobRestore restore;
    private final Function<RememberedJob, Optional<Path>> resumePoint;

    /** @param resumePoint where a remembered job would resume (its newest checkpoint), if anywhere */
    JobStartPlanner(JobRestore restore, Function<RememberedJob, Optional<Path>> resumePoint) {
        this.restore = restore;
        this.resumePoint = resumePoint;
    }

    /**
     * @param remembered entry class -> the job the data dir remembers for it
     * @param alive      ids of the jobs the cluster runs (not ended)
     */
    JobStart plan(String entryClass, Map<String, RememberedJob> remembered, Set<String> alive) {
        RememberedJob own = remembered.get(entryClass);
        if (own != null && alive.contains(own.jobId())) {
            return new JobStart.LeaveRunning(own.jobId());
        }
        RememberedJob replaced = own == null && REPLACES.containsKey(entryClass)
                ? remembered.get(REPLACES.get(entryClass)) : null;
        RememberedJob source = own != null ? own : replaced;
        if (source == null) {
            return new JobStart.Fresh("");
        }
        Optional<Path> checkpoint = resumePoint.apply(source);
        if (restore == JobRestore.FRESH) {
            return new JobStart.Fresh(checkpoint.isPresent() ? "without its state (--fresh-jobs)" : "");
        }
        String from = own != null ? entryClass : REPLACES.get(entryClass);
        return checkpoint.<JobStart>map(c -> new JobStart.Resume(c, from)).orElse(new JobStart.Fresh(""));
    }

    /**
     * The job that {@code entryClass} replaces, when it still runs in the cluster and {@code entryClass} never ran:
     * it must be stopped before its successor starts from its state, or both would serve the same topics.
     */
    Optional<String> replacedJobStillRunning(String entryClass, Map<String, RememberedJob> remembered,
            Set<String> alive) {
        String replaced = REPLACES.get(entryClass);
        if (replaced == null || remembered.containsKey(entryClass) || !remembered.containsKey(replaced)) {
            return Optional.empty();
        }
        String jobId = remembered.get(replaced).jobId();
        return alive.contains(jobId) ? Optional.of(jobId) : Optional.empty();
    }
}
