package io.gull.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/** How the jobs are submitted, against a stand-in for Flink's REST API and a data dir of checkpoints. */
class FlinkJobSubmitterTest {
    private static final String SESSIONS = "io.gull.flink.SessionsJob";
    private static final String TELEMETRY = "io.gull.flink.TelemetryJob";
    private static final String DEVICE_AUTH = "io.gull.flink.DeviceAuthJob";
    private static final String AUTH_JOB = "0123456789abcdef0123456789abcdef";
    private static final String TELEMETRY_JOB = "fedcba9876543210fedcba9876543210";
    private static final String CANNOT_MAP = "org.apache.flink.runtime.client.JobInitializationException: Could not"
            + " start the JobMaster.\n\tat org.apache.flink...\nCaused by: java.lang.IllegalStateException: Cannot map"
            + " checkpoint/savepoint state for operator 8b0b5d0e to the new program, because the operator is not"
            + " available in the new program.\n\tat org.apache.flink...";

    @TempDir
    Path dir;

    private final List<String> progress = new CopyOnWriteArrayList<>();
    private FakeFlinkRest flink;
    private FlinkJobRecords records;
    private Path jar;

    @BeforeEach
    void setUp() throws Exception {
        flink = new FakeFlinkRest();
        records = new FlinkJobRecords(dir.resolve("run/flink-jobs.properties"), dir.resolve("checkpoints"));
        jar = Files.writeString(dir.resolve("gull-flink-jobs.jar"), "jar");
    }

    @AfterEach
    void tearDown() {
        flink.close();
    }

    private FlinkJobSubmitter submitter(JobRestore restore) {
        return new FlinkJobSubmitter(new FlinkRestClient(flink.url()), jar, List.of("--kafka.bootstrap", "k:1"),
                records, progress::add, Duration.ofSeconds(10), dir.resolve("flink.log"), restore);
    }

    private Path checkpoint(String jobId, int n) throws Exception {
        Path chk = dir.resolve("checkpoints/" + jobId + "/chk-" + n);
        Files.createDirectories(chk);
        Files.writeString(chk.resolve("_metadata"), "x");
        return chk;
    }

    private JsonNode runOf(String entryClass) {
        return flink.runs.stream().filter(r -> r.path("entryClass").asText().equals(entryClass)).findFirst()
                .orElseThrow();
    }

    @Test
    void shouldResumeTheSessionsJobFromTheDeviceAuthJobsCheckpointAndSaySo() throws Exception {
        // given a data dir of 0.1.0
        Path authCheckpoint = checkpoint(AUTH_JOB, 12);
        checkpoint(TELEMETRY_JOB, 3);
        records.save(Map.of(DEVICE_AUTH, AUTH_JOB, TELEMETRY, TELEMETRY_JOB));

        // when
        submitter(JobRestore.RESUME).submitAll();

        // then
        assertThat(runOf(SESSIONS).path("savepointPath").asText()).isEqualTo(authCheckpoint.toUri().toString());
        assertThat(runOf(SESSIONS).has("allowNonRestoredState")).isFalse();
        assertThat(progress).anyMatch(line -> line.matches("SessionsJob\\s+submitted \\(job \\p{XDigit}{32}\\),"
                + " resuming from " + AUTH_JOB + "/chk-12 of DeviceAuthJob \\(migration: .*\\)"));
        assertThat(records.jobs().get(SESSIONS).startedFrom()).isEqualTo(authCheckpoint);
        assertThat(records.jobs()).doesNotContainKey(DEVICE_AUTH);
        assertThat(authCheckpoint).exists(); // kept until the sessions job has checkpoints of its own
    }

    @Test
    void shouldStopWithTheWaysOutInsteadOfStartingFreshWhenTheStateCannotBeRestored() throws Exception {
        // given
        checkpoint(AUTH_JOB, 12);
        records.save(Map.of(DEVICE_AUTH, AUTH_JOB));
        flink.nextState = "FAILED";
        flink.nextException = CANNOT_MAP;

        // when / then
        assertThatThrownBy(() -> submitter(JobRestore.RESUME).submitAll())
                .isInstanceOf(StackException.class)
                .hasMessageStartingWith("Flink job SessionsJob cannot resume from its checkpoint " + AUTH_JOB
                        + "/chk-12: java.lang.IllegalStateException: Cannot map checkpoint/savepoint state")
                .hasMessageContaining("./gull up --allow-non-restored-state")
                .hasMessageContaining("./gull up --fresh-jobs");
        assertThat(flink.runs).noneMatch(run -> run.path("entryClass").asText().equals(SESSIONS)
                && !run.has("savepointPath"));
    }

    @Test
    void shouldResumeAgainFromTheSameCheckpointAfterAFailedResume() throws Exception {
        // given a first start whose resume failed
        Path authCheckpoint = checkpoint(AUTH_JOB, 12);
        records.save(Map.of(DEVICE_AUTH, AUTH_JOB));
        flink.nextState = "FAILED";
        flink.nextException = CANNOT_MAP;
        assertThatThrownBy(() -> submitter(JobRestore.RESUME).submitAll()).isInstanceOf(StackException.class);
        flink.runs.clear();
        flink.nextState = "RUNNING";
        flink.nextException = "";

        // when the operator accepts to drop the unclaimed state
        submitter(JobRestore.RESUME_ALLOW_NON_RESTORED_STATE).submitAll();

        // then
        assertThat(runOf(SESSIONS).path("savepointPath").asText()).isEqualTo(authCheckpoint.toUri().toString());
        assertThat(runOf(SESSIONS).path("allowNonRestoredState").asBoolean()).isTrue();
    }

    @Test
    void shouldStartTheJobsWithoutStateWithFreshJobs() throws Exception {
        // given
        checkpoint(AUTH_JOB, 12);
        checkpoint(TELEMETRY_JOB, 3);
        records.save(Map.of(DEVICE_AUTH, AUTH_JOB, TELEMETRY, TELEMETRY_JOB));

        // when
        submitter(JobRestore.FRESH).submitAll();

        // then
        assertThat(flink.runs).hasSize(2).noneMatch(run -> run.has("savepointPath"));
        assertThat(progress).anyMatch(line -> line.endsWith(", without its state (--fresh-jobs)"));
    }

    @Test
    void shouldCancelAStillRunningDeviceAuthJobBeforeTheSessionsJobTakesItsState() throws Exception {
        // given
        checkpoint(AUTH_JOB, 12);
        records.save(Map.of(DEVICE_AUTH, AUTH_JOB));
        flink.job(AUTH_JOB, "RUNNING");

        // when
        submitter(JobRestore.RESUME).submitAll();

        // then
        assertThat(flink.cancelled).containsExactly(AUTH_JOB);
        assertThat(runOf(SESSIONS).has("savepointPath")).isTrue();
    }

    @Test
    void shouldLeaveRunningJobsAlone() throws Exception {
        // given
        records.save(Map.of(SESSIONS, AUTH_JOB, TELEMETRY, TELEMETRY_JOB));
        flink.job(AUTH_JOB, "RUNNING");
        flink.job(TELEMETRY_JOB, "RUNNING");

        // when
        submitter(JobRestore.FRESH).submitAll();

        // then
        assertThat(flink.runs).isEmpty();
        assertThat(progress).filteredOn(line -> line.contains("already in the cluster")).hasSize(2);
    }
}
