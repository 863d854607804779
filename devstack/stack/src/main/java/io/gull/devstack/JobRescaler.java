package io.gull.devstack;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.gull.devstack.FlinkJobRecords.RememberedJob;
import io.gull.devstack.FlinkRestClient.JobShape;
import io.gull.devstack.FlinkRestClient.JobSummary;
import io.gull.devstack.FlinkRestClient.SavepointStatus;
import io.gull.devstack.FlinkRestClient.Slots;

/**
 * Rescales (or simply restarts) one of Gull's Flink jobs without losing its state: stops it with a savepoint
 * ({@code POST /jobs/<id>/stop}, no drain), waits for the savepoint, and submits the same entry class from it at the
 * new parallelism. Keyed state (sessions, subscriptions, queues, retained messages, the device registry) is
 * redistributed over the new subtasks by Flink. The data dir remembers the savepoint as soon as it exists and the new
 * parallelism once the new job is submitted, so that a later {@code gull up} or {@code gull start flink} resumes the
 * job where it is, at that parallelism. A job that already ended (e.g. a rescale that failed after its savepoint) is
 * resubmitted from its savepoint or newest checkpoint.
 */
final class JobRescaler {
    private static final Set<String> ENDED = Set.of("FAILED", "CANCELED", "FINISHED", "SUSPENDED");
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration END_TIMEOUT = Duration.ofSeconds(60);

    private final FlinkRestClient rest;
    private final FlinkJobRecords records;
    private final FlinkJobSubmitter submitter;
    private final Path savepointsDir;
    private final StackProgress progress;
    private final Duration savepointTimeout;
    private final Path flinkLog;

    JobRescaler(FlinkRestClient rest, FlinkJobRecords records, FlinkJobSubmitter submitter, Path savepointsDir,
            StackProgress progress, Duration savepointTimeout, Path flinkLog) {
        this.rest = rest;
        this.records = records;
        this.submitter = submitter;
        this.savepointsDir = savepointsDir;
        this.progress = progress;
        this.savepointTimeout = savepointTimeout;
        this.flinkLog = flinkLog;
    }

    /**
     * @throws StackException when the data dir never ran the job, the job is neither running nor ended (e.g.
     *                        RESTARTING), the cluster lacks the slots, the savepoint fails or times out (the job then
     *                        normally keeps running as it was), or the new job does not start
     */
    JobRescale rescale(JobName job, int parallelism) {
        JobRescale.requireParallelism(parallelism);
        RememberedJob remembered = records.jobs().get(job.entryClass());
        if (remembered == null) {
            throw new StackException("Flink job " + job + " never ran from this data dir; start the stack first with"
                    + " ./gull up -d");
        }
        String jobId = remembered.jobId();
        Optional<JobSummary> summary = rest.job(jobId);
        String state = summary.map(JobSummary::state).orElse("unknown to the cluster");
        if (summary.isPresent() && !ENDED.contains(state)) {
            if (!summary.get().fullyRunning()) {
                throw new StackException("Flink job " + job + " (job " + jobId + ") is " + state + " with "
                        + summary.get().runningTasks() + " of " + summary.get().totalTasks() + " tasks running; a"
                        + " savepoint needs every task running. Wait until ./gull status shows it RUNNING, then try"
                        + " again (see " + flinkLog + ")");
            }
            JobShape shape = rest.jobShape(jobId);
            requireFits(job, parallelism, shape.slots(), shape.maxParallelism());
            Path savepoint = stopWithSavepoint(job, remembered, shape.parallelism());
            String newJob = submitter.submitFrom(job.entryClass(), savepoint, parallelism);
            return new JobRescale(job, jobId, shape.parallelism(), newJob, parallelism, savepoint);
        }
        Path from = records.resumePoint(remembered).orElseThrow(() -> new StackException("Flink job " + job + " (job "
                + jobId + ") is " + state.toLowerCase(Locale.ROOT) + " and left no savepoint or checkpoint"
                + " to resume from; ./gull stop flink and ./gull start flink submit it again"));
        requireFits(job, parallelism, 0, 0);
        progress.step(label(job) + "not running (job " + jobId + ", " + state.toLowerCase(Locale.ROOT)
                + "); resuming it from " + from.getParent().getFileName() + "/" + from.getFileName());
        String newJob = submitter.submitFrom(job.entryClass(), from, parallelism);
        return new JobRescale(job, jobId, 0, newJob, parallelism, from);
    }

    /** Refuses before anything is stopped when the cluster cannot run the job at {@code parallelism}. */
    private void requireFits(JobName job, int parallelism, int heldSlots, int maxParallelism) {
        if (maxParallelism > 0 && parallelism > maxParallelism) {
            throw new StackException("Flink job " + job + " can run at a parallelism of at most " + maxParallelism
                    + " (its max parallelism, fixed in its state), not " + parallelism);
        }
        Slots slots = rest.slots();
        int free = slots.available() + heldSlots;
        if (parallelism > free) {
            throw new StackException("Flink job " + job + " at parallelism " + parallelism + " needs " + parallelism
                    + " task slots, but only " + free + " of the cluster's " + slots.total() + " would be free for it"
                    + " (the other jobs hold the rest); choose a parallelism of at most " + free
                    + ". Nothing was stopped.");
        }
    }

    private Path stopWithSavepoint(JobName job, RememberedJob remembered, int parallelism) {
        String jobId = remembered.jobId();
        long begin = System.nanoTime();
        progress.step(label(job) + "stopping with a savepoint (job " + jobId + ", parallelism " + parallelism + ") ...");
        String trigger = rest.stopWithSavepoint(jobId, savepointsDir.toUri().toString());
        long deadline = begin + savepointTimeout.toNanos();
        while (true) {
            SavepointStatus status = rest.savepointStatus(jobId, trigger);
            if (status.completed()) {
                if (status.failure().isPresent() || status.location().isEmpty()) {
                    throw new StackException("Flink could not stop job " + job + " with a savepoint: "
                            + status.failure().orElse("it reported no savepoint location") + ". " + stateNow(jobId)
                            + "; see " + flinkLog);
                }
                Path savepoint = savepointPath(status.location().get());
                remember(job, remembered.stoppedWith(savepoint));
                awaitEnded(job, jobId);
                progress.step(label(job) + "stopped with savepoint " + savepoint.getFileName() + " ("
                        + ServiceStarter.seconds(System.nanoTime() - begin) + ")");
                return savepoint;
            }
            if (System.nanoTime() > deadline) {
                throw new StackException("The savepoint of Flink job " + job + " did not complete within "
                        + savepointTimeout.toSeconds() + " s (job " + jobId + ", trigger " + trigger + "). "
                        + stateNow(jobId) + "; if it ended, ./gull jobs rescale " + job
                        + " --parallelism N submits it again from its newest checkpoint. See " + flinkLog);
            }
            ServiceStarter.sleep(POLL);
        }
    }

    private void awaitEnded(JobName job, String jobId) {
        long deadline = System.nanoTime() + END_TIMEOUT.toNanos();
        while (rest.job(jobId).map(j -> !ENDED.contains(j.state())).orElse(false)) {
            if (System.nanoTime() > deadline) {
                throw new StackException("Flink job " + job + " (job " + jobId + ") did not end within "
                        + END_TIMEOUT.toSeconds() + " s of its savepoint; see " + flinkLog);
            }
            ServiceStarter.sleep(POLL);
        }
    }

    private String stateNow(String jobId) {
        try {
            return rest.job(jobId).map(j -> "RUNNING".equals(j.state())
                    ? "The job still runs as it was (job " + jobId + ")" : "The job is " + j.state() + " (job " + jobId + ")")
                    .orElse("The cluster no longer knows job " + jobId);
        } catch (StackException e) {
            return "Its state is unknown: " + e.getMessage();
        }
    }

    private void remember(JobName job, RememberedJob updated) {
        Map<String, RememberedJob> jobs = new LinkedHashMap<>(records.jobs());
        jobs.put(job.entryClass(), updated);
        records.saveJobs(jobs);
    }

    /** Flink reports a savepoint as a URI ({@code file:/.../savepoint-1a2b3c-...}); the stack's are local. */
    static Path savepointPath(String location) {
        URI uri = URI.create(location);
        if (uri.getScheme() == null) {
            return Path.of(location);
        }
        if (!"file".equals(uri.getScheme())) {
            throw new StackException("Flink wrote the savepoint to " + location + ", not to a local directory; the"
                    + " local stack resumes only from local savepoints");
        }
        return Path.of(uri);
    }

    private static String label(JobName job) {
        return ServiceStarter.label(FlinkJobSubmitter.simpleName(job.entryClass()));
    }
}
