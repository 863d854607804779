package io.gull.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlinkJobRecordsTest {
    private static final String OLD_JOB = "0123456789abcdef0123456789abcdef";
    private static final String NEW_JOB = "fedcba9876543210fedcba9876543210";

    @TempDir
    Path dir;

    @Test
    void shouldRememberTheJobIdOfEachEntryClass() {
        FlinkJobRecords records = new FlinkJobRecords(dir.resolve("run/flink-jobs.properties"), dir.resolve("checkpoints"));

        records.save(Map.of("io.gull.flink.TelemetryJob", NEW_JOB));

        assertThat(records.load()).containsExactly(Map.entry("io.gull.flink.TelemetryJob", NEW_JOB));
    }

    @Test
    void shouldPickTheNewestCompleteCheckpoint() throws Exception {
        Path checkpoints = dir.resolve("checkpoints");
        touch(checkpoints.resolve(OLD_JOB + "/chk-9/_metadata"));
        touch(checkpoints.resolve(OLD_JOB + "/chk-10/_metadata"));
        Files.createDirectories(checkpoints.resolve(OLD_JOB + "/chk-11")); // in progress: no _metadata yet
        Files.createDirectories(checkpoints.resolve(OLD_JOB + "/shared"));
        FlinkJobRecords records = new FlinkJobRecords(dir.resolve("run/flink-jobs.properties"), checkpoints);

        assertThat(records.latestCheckpoint(OLD_JOB)).contains(checkpoints.resolve(OLD_JOB + "/chk-10"));
        assertThat(records.latestCheckpoint(NEW_JOB)).isEmpty();
    }

    @Test
    void shouldDeleteCheckpointsOfJobsNoLongerNeeded() throws Exception {
        Path checkpoints = dir.resolve("checkpoints");
        touch(checkpoints.resolve(OLD_JOB + "/chk-1/_metadata"));
        touch(checkpoints.resolve(NEW_JOB + "/chk-1/_metadata"));
        FlinkJobRecords records = new FlinkJobRecords(dir.resolve("run/flink-jobs.properties"), checkpoints);

        records.deleteCheckpointsExcept(Set.of(NEW_JOB));

        assertThat(checkpoints.resolve(OLD_JOB)).doesNotExist();
        assertThat(checkpoints.resolve(NEW_JOB + "/chk-1/_metadata")).exists();
    }

    private static void touch(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "x");
    }
}
