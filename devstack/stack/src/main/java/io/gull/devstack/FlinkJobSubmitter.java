package io.gull.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.gull.devstack.FlinkRestClient.JobSummary;

/**
 * Submits Gull's Flink jobs through the REST API, as an operator would: uploads the shaded jar, runs each entry class,
 * and waits until every task of both jobs runs. A job still running in the cluster is left alone. A job that ran
 * before (its id is remembered in the data dir) resumes from its newest retained checkpoint, so its keyed state
 * (e.g. the device registry) survives {@code gull down} + {@code gull up}; if it cannot resume, it starts fresh.
 */
final class FlinkJobSubmitter {
    static final List<String> ENTRY_CLASSES = List.of("io.gull.flink.DeviceAuthJob", "io.gull.flink.TelemetryJob");
    private static final Set<String> TERMINAL = Set.of("FAILED", "CANCELED", "CANCELLING", "FINISHED", "SUSPENDED");
    private static final Duration POLL = Duration.ofMillis(500);

    private final FlinkRestClient rest;
    private final Path jar;
    private final List<String> programArgs;
    private final FlinkJobRecords records;
    private final StackProgress progress;
    private final Duration timeout;
    private final Path flinkLog;

    FlinkJobSubmitter(FlinkRestClient rest, Path jar, List<String> programArgs, FlinkJobRecords records,
            StackProgress progress, Duration timeout, Path flinkLog) {
        this.rest = rest;
        this.jar = jar;
        this.programArgs = List.copyOf(programArgs);
        this.records = records;
        this.progress = progress;
        this.timeout = timeout;
        this.flinkLog = flinkLog;
    }

    /** The program arguments both jobs get. */
    static List<String> programArgs(StackConfig config) {
        String host = config.connectHost();
        return List.of("--kafka.bootstrap", host + ":" + config.kafkaPort(),
                "--cassandra.contact-points", host + ":" + config.cassandraPort(),
                "--cassandra.local-dc", CassandraLauncher.LOCAL_DC,
                "--cassandra.keyspace", config.keyspace(),
                "--checkpoint.interval-ms", "1000");
    }

    void submitAll() {
        long begin = System.nanoTime();
        Map<String, String> previous = records.load();
        List<JobSummary> inCluster = rest.jobs();
        Map<String, Submission> submissions = new LinkedHashMap<>();
        String jarId = null;
        for (String entryClass : ENTRY_CLASSES) {
            String previousId = previous.get(entryClass);
            Optional<JobSummary> alive = inCluster.stream()
                    .filter(j -> j.id().equals(previousId) && !TERMINAL.contains(j.state())).findFirst();
            if (alive.isPresent()) {
                progress.step(label(entryClass) + "already in the cluster (" + alive.get().state().toLowerCase(Locale.ROOT)
                        + ", job " + previousId + ")");
                submissions.put(entryClass, new Submission(previousId, null));
                continue;
            }
            if (jarId == null) {
                jarId = upload();
            }
            Optional<Path> checkpoint = previousId == null ? Optional.empty() : records.latestCheckpoint(previousId);
            submissions.put(entryClass, run(jarId, entryClass, checkpoint.orElse(null)));
        }
        records.save(ids(submissions));
        awaitRunning(submissions, jarId);
        records.save(ids(submissions));
        records.deleteCheckpointsExcept(keep(submissions, previous));
        progress.step(label("Flink jobs") + "running (" + String.join(", ", submissions.keySet().stream()
                .map(FlinkJobSubmitter::simpleName).toList()) + ") (" + ServiceStarter.seconds(System.nanoTime() - begin)
                + ")");
    }

    private String upload() {
        for (FlinkRestClient.UploadedJar old : rest.jars()) {
            if (old.name().equals(jar.getFileName().toString())) {
                rest.deleteJar(old.id());
            }
        }
        progress.step(label("Flink jobs") + "uploading " + jar.getFileName() + " ...");
        return rest.uploadJar(jar);
    }

    private Submission run(String jarId, String entryClass, Path checkpoint) {
        String savepoint = checkpoint == null ? null : checkpoint.toUri().toString();
        String jobId = rest.runJar(jarId, entryClass, programArgs, savepoint);
        progress.step(label(entryClass) + "submitted (job " + jobId + ")"
                + (checkpoint == null ? "" : ", resuming from " + checkpoint.getParent().getFileName() + "/"
                        + checkpoint.getFileName()));
        return new Submission(jobId, checkpoint);
    }

    private void awaitRunning(Map<String, Submission> submissions, String jarIdOrNull) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String jarId = jarIdOrNull;
        while (true) {
            boolean allRunning = true;
            for (Map.Entry<String, Submission> entry : submissions.entrySet()) {
                String entryClass = entry.getKey();
                Submission submission = entry.getValue();
                JobSummary job = rest.job(submission.jobId()).orElse(null);
                if (job != null && job.fullyRunning()) {
                    continue;
                }
                allRunning = false;
                String state = job == null ? "UNKNOWN" : job.state();
                Optional<String> failure = TERMINAL.contains(state) || "RESTARTING".equals(state)
                        ? rest.latestFailure(submission.jobId()) : Optional.empty();
                if (submission.restoredFrom() != null && cannotResume(state, failure)) {
                    progress.step(label(entryClass) + "cannot resume from its checkpoint ("
                            + failure.orElse(state) + "); starting it fresh");
                    if (!TERMINAL.contains(state)) {
                        rest.cancel(submission.jobId());
                    }
                    if (jarId == null) {
                        jarId = upload();
                    }
                    entry.setValue(run(jarId, entryClass, null));
                    records.save(ids(submissions));
                } else if (TERMINAL.contains(state)) {
                    throw new StackException("Flink job " + simpleName(entryClass) + " ended as " + state
                            + failure.map(f -> ": " + f).orElse("") + ". See " + flinkLog);
                }
            }
            if (allRunning) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new StackException("Flink jobs did not reach RUNNING within " + timeout.toSeconds() + " s: "
                        + describe(submissions) + ". See " + flinkLog + " or the Flink web UI");
            }
            ServiceStarter.sleep(POLL);
        }
    }

    /** Resume failed when the job ended right away, or keeps restarting because of its restored state. */
    private static boolean cannotResume(String state, Optional<String> failure) {
        if (TERMINAL.contains(state)) {
            return true;
        }
        String text = failure.orElse("").toLowerCase(Locale.ROOT);
        return "RESTARTING".equals(state)
                && (text.contains("restor") || text.contains("statemigration") || text.contains("serializer")
                        || text.contains("savepoint"));
    }

    private String describe(Map<String, Submission> submissions) {
        List<String> parts = new ArrayList<>();
        submissions.forEach((entryClass, submission) -> {
            Optional<JobSummary> job = rest.job(submission.jobId());
            String state = job.map(j -> j.state() + " (" + j.runningTasks() + "/" + j.totalTasks() + " tasks running)")
                    .orElse("unknown to the cluster");
            String failure = rest.latestFailure(submission.jobId()).map(f -> ", last failure: " + f).orElse("");
            parts.add(simpleName(entryClass) + " " + state + failure);
        });
        return String.join("; ", parts);
    }

    private static Map<String, String> ids(Map<String, Submission> submissions) {
        Map<String, String> ids = new LinkedHashMap<>();
        submissions.forEach((entryClass, submission) -> ids.put(entryClass, submission.jobId()));
        return ids;
    }

    /** Checkpoints to keep: the running jobs' and the ones they resumed from (until they have their own). */
    private static Set<String> keep(Map<String, Submission> submissions, Map<String, String> previous) {
        Set<String> keep = new java.util.HashSet<>(previous.values());
        submissions.values().forEach(s -> keep.add(s.jobId()));
        return keep;
    }

    static String simpleName(String entryClass) {
        return entryClass.substring(entryClass.lastIndexOf('.') + 1);
    }

    private static String label(String entryClassOrText) {
        return ServiceStarter.label(simpleName(entryClassOrText));
    }

    /** A job handed to the cluster, and the checkpoint it resumed from (null when it started fresh or ran already). */
    private record Submission(String jobId, Path restoredFrom) {
    }
}
