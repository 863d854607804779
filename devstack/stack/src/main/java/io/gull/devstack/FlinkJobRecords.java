package io.gull.devstack;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the data dir remembers about Flink jobs: the job id each entry class got last, the checkpoint or savepoint that
 * job was started from, its parallelism, and the savepoint it was stopped with ({@code run/flink-jobs.properties}),
 * and the checkpoints Flink retained for each job ({@code flink/checkpoints/<jobId>/chk-<n>/_metadata}).
 */
final class FlinkJobRecords {
    private static final Pattern JOB_ID = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern CHECKPOINT = Pattern.compile("chk-(\\d+)");
    private static final String STARTED_FROM = ".started-from";
    private static final String PARALLELISM = ".parallelism";
    private static final String STOPPED_WITH = ".stopped-with";

    private final Path file;
    private final Path checkpointsDir;

    FlinkJobRecords(Path file, Path checkpointsDir) {
        this.file = file;
        this.checkpointsDir = checkpointsDir;
    }

    static FlinkJobRecords of(StackLayout layout) {
        return new FlinkJobRecords(layout.flinkJobsFile(), layout.serviceDataDir(FlinkLauncher.NAME).resolve("checkpoints"));
    }

    /** Entry class -> job id of the last submission. */
    Map<String, String> load() {
        Map<String, String> ids = new LinkedHashMap<>();
        jobs().forEach((entryClass, job) -> ids.put(entryClass, job.jobId()));
        return ids;
    }

    /** Entry class -> its last job, the checkpoint that job started from, its parallelism and final savepoint. */
    Map<String, RememberedJob> jobs() {
        Map<String, RememberedJob> jobs = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return jobs;
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return jobs;
        }
        p.stringPropertyNames().stream().sorted().forEach(k -> {
            String id = p.getProperty(k).trim();
            if (!k.endsWith(STARTED_FROM) && !k.endsWith(PARALLELISM) && !k.endsWith(STOPPED_WITH)
                    && JOB_ID.matcher(id).matches()) {
                jobs.put(k, new RememberedJob(id, path(p.getProperty(k + STARTED_FROM)),
                        parallelism(p.getProperty(k + PARALLELISM)), path(p.getProperty(k + STOPPED_WITH))));
            }
        });
        return jobs;
    }

    /** Remembers job ids alone (jobs started fresh). */
    void save(Map<String, String> ids) {
        Map<String, RememberedJob> jobs = new LinkedHashMap<>();
        ids.forEach((entryClass, id) -> jobs.put(entryClass, new RememberedJob(id, null)));
        saveJobs(jobs);
    }

    void saveJobs(Map<String, RememberedJob> jobs) {
        Properties p = new Properties();
        jobs.forEach((entryClass, job) -> {
            p.setProperty(entryClass, job.jobId());
            if (job.startedFrom() != null) {
                p.setProperty(entryClass + STARTED_FROM, job.startedFrom().toString());
            }
            if (job.parallelism() != 1) {
                p.setProperty(entryClass + PARALLELISM, Integer.toString(job.parallelism()));
            }
            if (job.stoppedWith() != null) {
                p.setProperty(entryClass + STOPPED_WITH, job.stoppedWith().toString());
            }
        });
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(out, "Flink job id of each Gull entry class, the checkpoint it started from, its parallelism"
                        + " and the savepoint it was stopped with, to resume it");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StackException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Where a job that ran before resumes: the savepoint it was stopped with (newer than any of its checkpoints), else
     * its own newest checkpoint, else (it never completed one) the checkpoint or savepoint it had started from, while
     * that still exists.
     */
    Optional<Path> resumePoint(RememberedJob job) {
        return complete(job.stoppedWith()).or(() -> latestCheckpoint(job.jobId()))
                .or(() -> complete(job.startedFrom()));
    }

    private static Optional<Path> complete(Path checkpointOrSavepoint) {
        return Optional.ofNullable(checkpointOrSavepoint).filter(p -> Files.isRegularFile(p.resolve("_metadata")));
    }

    private static Path path(String value) {
        return value == null || value.isBlank() ? null : Path.of(value.trim());
    }

    /** 1 when absent or unreadable: what the jobs run at unless told otherwise. */
    private static int parallelism(String value) {
        try {
            return value == null ? 1 : Math.max(1, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** The newest complete checkpoint of a job (a {@code chk-<n>} directory holding {@code _metadata}). */
    Optional<Path> latestCheckpoint(String jobId) {
        Path jobDir = checkpointsDir.resolve(jobId);
        if (!JOB_ID.matcher(jobId).matches() || !Files.isDirectory(jobDir)) {
            return Optional.empty();
        }
        try (Stream<Path> children = Files.list(jobDir)) {
            return children
                    .filter(p -> CHECKPOINT.matcher(p.getFileName().toString()).matches())
                    .filter(p -> Files.isRegularFile(p.resolve("_metadata")))
                    .max(Comparator.comparingLong(p -> Long.parseLong(p.getFileName().toString().substring(4))));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The job whose checkpoint directory holds {@code checkpoint} ({@code <checkpoints>/<jobId>/chk-n}), if any. */
    static Optional<String> jobOf(Path checkpoint) {
        Path parent = checkpoint == null ? null : checkpoint.getParent();
        return parent == null || !JOB_ID.matcher(parent.getFileName().toString()).matches()
                ? Optional.empty() : Optional.of(parent.getFileName().toString());
    }

    /** Deletes the checkpoint directories of every job not in {@code keep}. */
    void deleteCheckpointsExcept(Set<String> keep) {
        if (!Files.isDirectory(checkpointsDir)) {
            return;
        }
        try (Stream<Path> jobs = Files.list(checkpointsDir)) {
            for (Path jobDir : jobs.toList()) {
                String name = jobDir.getFileName().toString();
                if (JOB_ID.matcher(name).matches() && !keep.contains(name)) {
                    deleteTree(jobDir);
                }
            }
        } catch (IOException e) {
            // old checkpoints only cost disk space; try again next time
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> paths = walk.sorted(Comparator.reverseOrder()).toList();
            for (Path p : paths) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * A job the data dir remembers.
     *
     * @param jobId       its Flink job id
     * @param startedFrom the checkpoint or savepoint it was started from, or null when it started without state
     * @param parallelism what it runs at, and what the next submission of its entry class runs at (default 1)
     * @param stoppedWith the savepoint it was stopped with ({@code gull jobs rescale}), or null: its state is there
     */
    record RememberedJob(String jobId, Path startedFrom, int parallelism, Path stoppedWith) {
        RememberedJob {
            if (parallelism < 1) {
                throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
            }
        }

        /** A job at parallelism 1 that was not stopped with a savepoint. */
        RememberedJob(String jobId, Path startedFrom) {
            this(jobId, startedFrom, 1, null);
        }

        RememberedJob stoppedWith(Path savepoint) {
            return new RememberedJob(jobId, startedFrom, parallelism, savepoint);
        }
    }
}
