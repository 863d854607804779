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
 * What the data dir remembers about Flink jobs: the job id each entry class got last ({@code run/flink-jobs.properties})
 * and the checkpoints Flink retained for it ({@code flink/checkpoints/<jobId>/chk-<n>/_metadata}).
 */
final class FlinkJobRecords {
    private static final Pattern JOB_ID = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern CHECKPOINT = Pattern.compile("chk-(\\d+)");

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
        if (!Files.isRegularFile(file)) {
            return ids;
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return ids;
        }
        p.stringPropertyNames().forEach(k -> {
            String id = p.getProperty(k).trim();
            if (JOB_ID.matcher(id).matches()) {
                ids.put(k, id);
            }
        });
        return ids;
    }

    void save(Map<String, String> ids) {
        Properties p = new Properties();
        p.putAll(ids);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(out, "Flink job id of each Gull entry class, to resume it from its checkpoints");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StackException("Cannot write " + file + ": " + e.getMessage(), e);
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
}
