package io.gull.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code --pause-jobs}: suspends Gull's Flink jobs for the measured part of a run, and brings them back after it.
 * Pause: each RUNNING job of {@link #JOBS} is stopped with a savepoint through the Flink REST API
 * ({@code POST /jobs/<id>/stop}, no drain; the savepoint goes to {@code <data dir>/flink/savepoints}), and the pause
 * waits until it FINISHED. Resume: {@code ./gull jobs rescale <job> --parallelism <its parallelism> --data-dir <dir>}
 * for each of them, which submits an ended job again from its newest retained checkpoint and records the new job in
 * the data dir (so that later {@code gull up} / {@code gull start flink} resume the right job). Everything the edges
 * wrote meanwhile waits in Kafka and is processed after the resume.
 */
public final class FlinkJobPause {
    public static final List<String> JOBS = List.of("gull-sessions", "gull-telemetry");
    private static final Set<String> ENDED = Set.of("FINISHED", "CANCELED", "FAILED", "SUSPENDED");
    private static final Duration SAVEPOINT_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration POLL = Duration.ofMillis(500);

    private final FlinkRest rest;
    private final Path dataDir;
    private final Path gullScript;
    private final List<FlinkRest.Job> paused = new ArrayList<>();

    public FlinkJobPause(FlinkRest rest, Path dataDir, Path gullScript) {
        this.rest = rest;
        this.dataDir = dataDir;
        this.gullScript = gullScript;
    }

    /** Stops every running Gull job with a savepoint; @return the jobs paused */
    public List<FlinkRest.Job> pause() throws IOException, InterruptedException {
        List<FlinkRest.Job> running = rest.runningJobs(JOBS);
        if (running.isEmpty()) {
            Progress.say("flink", "no RUNNING Gull job (" + String.join(", ", JOBS) + "): nothing to pause");
        }
        String target = dataDir.resolve("flink").resolve("savepoints").toAbsolutePath().toUri().toString();
        for (FlinkRest.Job job : running) {
            long begin = System.nanoTime();
            Progress.say("flink", "pausing " + job.name() + " (job " + job.id() + ", parallelism " + job.parallelism()
                    + "): stop with a savepoint ...");
            String trigger = rest.stopWithSavepoint(job.id(), target);
            FlinkRest.SavepointStatus status = awaitSavepoint(job, trigger);
            paused.add(job);
            awaitEnded(job);
            Progress.say("flink", job.name() + " stopped with savepoint " + status.location().orElse("?") + " ("
                    + (System.nanoTime() - begin) / 1_000_000 + " ms)");
        }
        return List.copyOf(paused);
    }

    /** Submits every paused job again through {@code ./gull jobs rescale}; @return false when one did not start */
    public boolean resume() throws InterruptedException {
        boolean ok = true;
        for (FlinkRest.Job job : paused) {
            List<String> command = resumeCommand(gullScript, job, dataDir);
            Progress.say("flink", "resuming " + job.name() + ": " + String.join(" ", command));
            try {
                int exit = runToStderr(command);
                if (exit != 0) {
                    Progress.say("flink", "RESUME FAILED for " + job.name() + " (exit " + exit + "): run `"
                            + String.join(" ", command) + "` yourself");
                    ok = false;
                }
            } catch (IOException e) {
                Progress.say("flink", "RESUME FAILED for " + job.name() + ": " + Failures.describe(e) + "; run `"
                        + String.join(" ", command) + "` yourself");
                ok = false;
            }
        }
        paused.clear();
        return ok;
    }

    static List<String> resumeCommand(Path gullScript, FlinkRest.Job job, Path dataDir) {
        return List.of(gullScript.toString(), "jobs", "rescale", job.name(), "--parallelism",
                Integer.toString(job.parallelism()), "--data-dir", dataDir.toAbsolutePath().toString());
    }

    private FlinkRest.SavepointStatus awaitSavepoint(FlinkRest.Job job, String trigger) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + SAVEPOINT_TIMEOUT.toNanos();
        while (true) {
            FlinkRest.SavepointStatus status = rest.savepointStatus(job.id(), trigger);
            if (status.completed()) {
                if (status.failure().isPresent() || status.location().isEmpty()) {
                    throw new IllegalStateException("Flink could not stop " + job.name() + " with a savepoint: "
                            + status.failure().orElse("no savepoint location") + " (the job normally keeps running)");
                }
                return status;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the savepoint of " + job.name() + " did not complete within "
                        + SAVEPOINT_TIMEOUT.toSeconds() + " s");
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private void awaitEnded(FlinkRest.Job job) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!ENDED.contains(rest.job(job.id()).state())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(job.name() + " did not end within 60 s of its savepoint");
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** Runs a command, its output to stderr line by line (stdout is kept for the result table). */
    private static int runToStderr(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                Progress.say("gull", line);
            }
        }
        return process.waitFor();
    }
}
