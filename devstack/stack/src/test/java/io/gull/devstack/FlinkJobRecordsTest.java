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

    @Test
    void shouldRememberTheCheckpointAJobStartedFrom() {
        FlinkJobRecords records = new FlinkJobRecords(dir.resolve("run/flink-jobs.properties"), dir.resolve("checkpoints"));
        Path from = dir.resolve("checkpoints/" + OLD_JOB + "/chk-10");

        records.saveJobs(Map.of("io.gull.flink.SessionsJob", new FlinkJobRecords.RememberedJob(NEW_JOB, from)));

        assertThat(records.jobs()).containsExactly(
                Map.entry("io.gull.flink.SessionsJob", new FlinkJobRecords.RememberedJob(NEW_JOB, from)));
        assertThat(records.load()).containsExactly(Map.entry("io.gull.flink.SessionsJob", NEW_JOB));
        assertThat(FlinkJobRecords.jobOf(from)).contains(OLD_JOB);
    }

    @Test
    void shouldResumeAJobThatNeverCheckpointedFromTheCheckpointItStartedFrom() throws Exception {
        Path checkpoints = dir.resolve("checkpoints");
        touch(checkpoints.resolve(OLD_JOB + "/chk-10/_metadata"));
        FlinkJobRecords records = new FlinkJobRecords(dir.resolve("run/flink-jobs.properties"), checkpoints);
        Path from = checkpoints.resolve(OLD_JOB + "/chk-10");

        assertThat(records.resumePoint(new FlinkJobRecords.RememberedJob(NEW_JOB, from))).contains(from);
        assertThat(records.resumePoint(new FlinkJobRecords.RememberedJob(NEW_JOB, null))).isEmpty();
        touch(checkpoints.resolve(NEW_JOB + "/chk-2/_metadata"));
        assertThat(records.resumePoint(new FlinkJobRecords.RememberedJob(NEW_JOB, from)))
                .contains(checkpoints.resolve(NEW_JOB + "/chk-2"));
    }

    private static void touch(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "x");
    }
}
