package io.gull.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.gull.devstack.FlinkJobRecords.RememberedJob;
import io.gull.devstack.FlinkRestClient.FlinkRestException;
import io.gull.devstack.FlinkRestClient.JobSummary;

/**
 * Submits Gull's Flink jobs through the REST API, as an operator would: uploads the shaded jar, runs each entry class,
 * and waits until every task of both jobs runs. How each job starts is {@link JobStartPlanner}'s decision: a job still
 * running is left alone, a job that ran before resumes from its newest retained checkpoint (so its keyed state, e.g.
 * the device registry and the sessions, survives {@code gull down} + {@code gull up}), and {@code SessionsJob} takes
 * over the state of the {@code DeviceAuthJob} it replaces. A job whose state cannot be restored is never started
 * fresh behind the operator's back: the start fails with a {@link StackException} that says what to do.
 */
final class FlinkJobSubmitter {
    static final List<String> ENTRY_CLASSES = List.of(JobStartPlanner.SESSIONS_JOB, JobStartPlanner.TELEMETRY_JOB);
    private static final Set<String> TERMINAL = Set.of("FAILED", "CANCELED", "CANCELLING", "FINISHED", "SUSPENDED");
    private static final Set<String> ENDED = Set.of("FAILED", "CANCELED", "FINISHED", "SUSPENDED");
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration CANCEL_TIMEOUT = Duration.ofSeconds(60);

    private final FlinkRestClient rest;
    private final Path jar;
    private final List<String> programArgs;
    private final FlinkJobRecords records;
    private final StackProgress progress;
    private final Duration timeout;
    private final Path flinkLog;
    private final JobRestore restore;
    private final JobStartPlanner planner;

    FlinkJobSubmitter(FlinkRestClient rest, Path jar, List<String> programArgs, FlinkJobRecords records,
            StackProgress progress, Duration timeout, Path flinkLog, JobRestore restore) {
        this.rest = rest;
        this.jar = jar;
        this.programArgs = List.copyOf(programArgs);
        this.records = records;
        this.progress = progress;
        this.timeout = timeout;
        this.flinkLog = flinkLog;
        this.restore = restore;
        this.planner = new JobStartPlanner(restore, records::resumePoint);
    }

    /**
     * The program arguments both jobs get (and {@code --parallelism}, added per job); the jobs' own defaults serve for
     * everything else.
     */
    static List<String> programArgs(StackConfig config) {
        String host = config.connectHost();
        return programArgs(host + ":" + config.kafkaPort(), host + ":" + config.cassandraPort(), config.keyspace());
    }

    /** The same, for a stack known by what it recorded ({@code stack.properties}). */
    static List<String> programArgs(String kafkaBootstrap, String cassandraContactPoint, String keyspace) {
        return List.of("--kafka.bootstrap", kafkaBootstrap,
                "--cassandra.contact-points", cassandraContactPoint,
                "--cassandra.local-dc", CassandraLauncher.LOCAL_DC,
                "--cassandra.keyspace", keyspace,
                "--checkpoint.interval-ms", "1000");
    }

    void submitAll() {
        long begin = System.nanoTime();
        Map<String, RememberedJob> previous = records.jobs();
        Set<String> alive = rest.jobs().stream().filter(j -> !TERMINAL.contains(j.state())).map(JobSummary::id)
                .collect(Collectors.toCollection(HashSet::new));
        Map<String, Submission> submissions = new LinkedHashMap<>();
        String jarId = null;
        for (String entryClass : ENTRY_CLASSES) {
            Optional<String> replaced = planner.replacedJobStillRunning(entryClass, previous, alive);
            if (replaced.isPresent()) {
                cancelReplaced(entryClass, replaced.get());
                alive.remove(replaced.get());
            }
            JobStart start = planner.plan(entryClass, previous, alive);
            if (start instanceof JobStart.LeaveRunning running) {
                String state = rest.job(running.jobId()).map(JobSummary::state).orElse("RUNNING");
                progress.step(label(entryClass) + "already in the cluster (" + state.toLowerCase(Locale.ROOT)
                        + ", job " + running.jobId() + ")");
                submissions.put(entryClass, new Submission(running.jobId(), null, previous.get(entryClass)));
                continue;
            }
            if (jarId == null) {
                jarId = upload();
            }
            // the parallelism is a setting of the data dir (gull jobs rescale), kept even by --fresh-jobs
            int parallelism = Optional.ofNullable(previous.get(entryClass)).map(RememberedJob::parallelism).orElse(1);
            submissions.put(entryClass, run(jarId, entryClass, start, parallelism));
        }
        records.saveJobs(remembered(submissions));
        awaitRunning(submissions);
        records.deleteCheckpointsExcept(keep(submissions, previous));
        progress.step(label("Flink jobs") + "running (" + String.join(", ", submissions.keySet().stream()
                .map(FlinkJobSubmitter::simpleName).toList()) + ") (" + ServiceStarter.seconds(System.nanoTime() - begin)
                + ")");
    }

    /**
     * Submits one job resuming from {@code from} (a savepoint or checkpoint) at {@code parallelism}, remembers it for
     * the data dir, and waits until every task of it runs. The job runs the jar the cluster has (the code the stopped
     * job ran), uploaded again only when the cluster has none.
     *
     * @return the new job's id
     * @throws StackException when it does not start, its state cannot be restored, or it does not reach RUNNING
     */
    String submitFrom(String entryClass, Path from, int parallelism) {
        long begin = System.nanoTime();
        Map<String, RememberedJob> previous = records.jobs();
        String jarId = uploadedJar().orElseGet(this::upload);
        Submission submission = run(jarId, entryClass, new JobStart.Resume(from, entryClass), parallelism);
        Map<String, RememberedJob> jobs = new LinkedHashMap<>(previous);
        jobs.put(entryClass, submission.remember());
        records.saveJobs(jobs);
        awaitRunning(Map.of(entryClass, submission));
        records.deleteCheckpointsExcept(keep(Map.of(entryClass, submission), previous));
        progress.step(label(entryClass) + "running at parallelism " + parallelism + " ("
                + ServiceStarter.seconds(System.nanoTime() - begin) + ")");
        return submission.jobId();
    }

    private Optional<String> uploadedJar() {
        return rest.jars().stream().filter(j -> j.name().equals(jar.getFileName().toString()))
                .map(FlinkRestClient.UploadedJar::id).findFirst();
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

    private Submission run(String jarId, String entryClass, JobStart start, int parallelism) {
        Path checkpoint = start instanceof JobStart.Resume resume ? resume.checkpoint() : null;
        String savepoint = checkpoint == null ? null : checkpoint.toUri().toString();
        List<String> args = new ArrayList<>(programArgs);
        args.addAll(List.of("--parallelism", Integer.toString(parallelism)));
        String jobId;
        try {
            jobId = rest.runJar(jarId, new JarRun(entryClass, args, savepoint, restore
                    == JobRestore.RESUME_ALLOW_NON_RESTORED_STATE, parallelism));
        } catch (FlinkRestException e) {
            if (checkpoint != null && StateRestoreFailure.isRestoreFailure(e.getMessage())) {
                throw StateRestoreFailure.of(entryClass, checkpoint, Optional.of(e.getMessage()), flinkLog);
            }
            throw e;
        }
        progress.step(label(entryClass) + "submitted (job " + jobId + ")" + describe(entryClass, start)
                + (parallelism == 1 ? "" : ", parallelism " + parallelism));
        return new Submission(jobId, checkpoint, new RememberedJob(jobId, checkpoint, parallelism, null));
    }

    private String describe(String entryClass, JobStart start) {
        if (start instanceof JobStart.Resume resume) {
            Path checkpoint = resume.checkpoint();
            String where = checkpoint.getParent().getFileName() + "/" + checkpoint.getFileName();
            return ", resuming from " + where + (resume.isMigrationTo(entryClass)
                    ? " of " + simpleName(resume.fromEntryClass()) + " (migration: it replaces "
                            + simpleName(resume.fromEntryClass()) + " and keeps its state)"
                    : "") + (restore == JobRestore.RESUME_ALLOW_NON_RESTORED_STATE
                            ? ", dropping state no operator claims (--allow-non-restored-state)" : "");
        }
        String note = start instanceof JobStart.Fresh fresh ? fresh.note() : "";
        return note.isEmpty() ? "" : ", " + note;
    }

    /** Cancels the job an entry class replaces (its checkpoints are retained on cancellation) and waits for the end. */
    private void cancelReplaced(String entryClass, String jobId) {
        String replaced = simpleName(JobStartPlanner.REPLACES.get(entryClass));
        progress.step(label(replaced) + "still runs (job " + jobId + "); cancelling it: " + simpleName(entryClass)
                + " replaces it and resumes from its checkpoint");
        rest.cancel(jobId);
        long deadline = System.nanoTime() + CANCEL_TIMEOUT.toNanos();
        while (rest.job(jobId).map(j -> !ENDED.contains(j.state())).orElse(false)) {
            if (System.nanoTime() > deadline) {
                throw new StackException("Flink job " + replaced + " (job " + jobId + ") did not end within "
                        + CANCEL_TIMEOUT.toSeconds() + " s of being cancelled; see " + flinkLog);
            }
            ServiceStarter.sleep(POLL);
        }
    }

    private void awaitRunning(Map<String, Submission> submissions) {
        long deadline = System.nanoTime() + timeout.toNanos();
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
                boolean ended = TERMINAL.contains(state);
                Optional<String> failure = ended || "RESTARTING".equals(state)
                        ? rest.latestFailure(submission.jobId()) : Optional.empty();
                if (ended && failure.isEmpty() && submission.restoredFrom() != null) {
                    failure = StateRestoreFailure.fromLog(flinkLog);
                }
                boolean restoreFailed = submission.restoredFrom() != null && (ended || failure.isPresent())
                        && StateRestoreFailure.explains(ended, failure);
                if (restoreFailed) {
                    if (!TERMINAL.contains(state)) {
                        rest.cancel(submission.jobId());
                    }
                    throw StateRestoreFailure.of(entryClass, submission.restoredFrom(), failure, flinkLog);
                }
                if (ended) {
                    Optional<String> reason = failure;
                    throw new StackException("Flink job " + simpleName(entryClass) + " ended as " + state
                            + reason.map(f -> ": " + f).orElse("")
                            + (submission.restoredFrom() == null ? "" : " (it had resumed from "
                                    + submission.restoredFrom() + ")")
                            + ". See " + flinkLog);
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

    private static Map<String, RememberedJob> remembered(Map<String, Submission> submissions) {
        Map<String, RememberedJob> jobs = new LinkedHashMap<>();
        submissions.forEach((entryClass, submission) -> jobs.put(entryClass, submission.remember()));
        return jobs;
    }

    /**
     * Checkpoints to keep: the running jobs', those of the jobs remembered before (until the new ones have their own),
     * and those the running jobs started from.
     */
    private static Set<String> keep(Map<String, Submission> submissions, Map<String, RememberedJob> previous) {
        Set<String> keep = new HashSet<>();
        previous.values().forEach(j -> keep.add(j.jobId()));
        submissions.values().forEach(s -> {
            keep.add(s.jobId());
            FlinkJobRecords.jobOf(s.remember().startedFrom()).ifPresent(keep::add);
        });
        return keep;
    }

    static String simpleName(String entryClass) {
        return entryClass.substring(entryClass.lastIndexOf('.') + 1);
    }

    private static String label(String entryClassOrText) {
        return ServiceStarter.label(simpleName(entryClassOrText));
    }

    /**
     * A job handed to the cluster.
     *
     * @param jobId        its id
     * @param restoredFrom the checkpoint it resumed from now (null when it started fresh or ran already)
     * @param remember     what the data dir keeps about it
     */
    private record Submission(String jobId, Path restoredFrom, RememberedJob remember) {
        Submission {
            if (remember == null) {
                remember = new RememberedJob(jobId, null);
            }
        }
    }
}
