package io.gull.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.gull.devstack.FlinkJobRecords.RememberedJob;

class JobStartPlannerTest {
    private static final String SESSIONS = "io.gull.flink.SessionsJob";
    private static final String TELEMETRY = "io.gull.flink.TelemetryJob";
    private static final String DEVICE_AUTH = "io.gull.flink.DeviceAuthJob";
    private static final RememberedJob OLD_AUTH = new RememberedJob("a".repeat(32), null);
    private static final RememberedJob OLD_SESSIONS = new RememberedJob("b".repeat(32), null);
    private static final RememberedJob OLD_TELEMETRY = new RememberedJob("c".repeat(32), null);
    private static final Path AUTH_CHECKPOINT = Path.of("/data/flink/checkpoints/" + "a".repeat(32) + "/chk-7");
    private static final Path SESSIONS_CHECKPOINT = Path.of("/data/flink/checkpoints/" + "b".repeat(32) + "/chk-3");
    private static final Map<String, Path> CHECKPOINTS = Map.of(OLD_AUTH.jobId(), AUTH_CHECKPOINT,
            OLD_SESSIONS.jobId(), SESSIONS_CHECKPOINT);

    private static JobStartPlanner planner(JobRestore restore) {
        return new JobStartPlanner(restore, job -> Optional.ofNullable(CHECKPOINTS.get(job.jobId())));
    }

    @Test
    void shouldStartAJobThatNeverRanWithoutState() {
        JobStart start = planner(JobRestore.RESUME).plan(SESSIONS, Map.of(), Set.of());

        assertThat(start).isEqualTo(new JobStart.Fresh(""));
    }

    @Test
    void shouldResumeTheSessionsJobFromTheDeviceAuthJobItReplaces() {
        JobStart start = planner(JobRestore.RESUME).plan(SESSIONS, Map.of(DEVICE_AUTH, OLD_AUTH), Set.of());

        assertThat(start).isEqualTo(new JobStart.Resume(AUTH_CHECKPOINT, DEVICE_AUTH));
        assertThat(((JobStart.Resume) start).isMigrationTo(SESSIONS)).isTrue();
    }

    @Test
    void shouldPreferTheSessionsJobsOwnCheckpointOnceItHasRun() {
        JobStart start = planner(JobRestore.RESUME)
                .plan(SESSIONS, Map.of(DEVICE_AUTH, OLD_AUTH, SESSIONS, OLD_SESSIONS), Set.of());

        assertThat(start).isEqualTo(new JobStart.Resume(SESSIONS_CHECKPOINT, SESSIONS));
    }

    @Test
    void shouldNotMigrateStateToAJobThatDoesNotReplaceTheDeviceAuthJob() {
        JobStart start = planner(JobRestore.RESUME).plan(TELEMETRY, Map.of(DEVICE_AUTH, OLD_AUTH), Set.of());

        assertThat(start).isEqualTo(new JobStart.Fresh(""));
    }

    @Test
    void shouldLeaveAJobAloneThatStillRuns() {
        JobStart start = planner(JobRestore.FRESH)
                .plan(SESSIONS, Map.of(SESSIONS, OLD_SESSIONS), Set.of(OLD_SESSIONS.jobId()));

        assertThat(start).isEqualTo(new JobStart.LeaveRunning(OLD_SESSIONS.jobId()));
    }

    @Test
    void shouldIgnoreEveryCheckpointWithFreshJobs() {
        JobStartPlanner planner = planner(JobRestore.FRESH);

        assertThat(planner.plan(SESSIONS, Map.of(SESSIONS, OLD_SESSIONS), Set.of()))
                .isEqualTo(new JobStart.Fresh("without its state (--fresh-jobs)"));
        assertThat(planner.plan(SESSIONS, Map.of(DEVICE_AUTH, OLD_AUTH), Set.of()))
                .isEqualTo(new JobStart.Fresh("without its state (--fresh-jobs)"));
    }

    @Test
    void shouldStartFreshAJobThatRanButNeverCompletedACheckpoint() {
        JobStart start = planner(JobRestore.RESUME).plan(TELEMETRY, Map.of(TELEMETRY, OLD_TELEMETRY), Set.of());

        assertThat(start).isEqualTo(new JobStart.Fresh(""));
    }

    @Test
    void shouldResumeTheSameWayWhenDroppingUnclaimedStateIsAllowed() {
        JobStart start = planner(JobRestore.RESUME_ALLOW_NON_RESTORED_STATE)
                .plan(SESSIONS, Map.of(DEVICE_AUTH, OLD_AUTH), Set.of());

        assertThat(start).isEqualTo(new JobStart.Resume(AUTH_CHECKPOINT, DEVICE_AUTH));
    }

    @Test
    void shouldStopAStillRunningDeviceAuthJobBeforeTheSessionsJobTakesItsState() {
        JobStartPlanner planner = planner(JobRestore.RESUME);

        assertThat(planner.replacedJobStillRunning(SESSIONS, Map.of(DEVICE_AUTH, OLD_AUTH), Set.of(OLD_AUTH.jobId())))
                .contains(OLD_AUTH.jobId());
        assertThat(planner.replacedJobStillRunning(SESSIONS, Map.of(DEVICE_AUTH, OLD_AUTH), Set.of())).isEmpty();
        assertThat(planner.replacedJobStillRunning(SESSIONS, Map.of(DEVICE_AUTH, OLD_AUTH, SESSIONS, OLD_SESSIONS),
                Set.of(OLD_AUTH.jobId()))).isEmpty();
        assertThat(planner.replacedJobStillRunning(TELEMETRY, Map.of(DEVICE_AUTH, OLD_AUTH),
                Set.of(OLD_AUTH.jobId()))).isEmpty();
    }

    @Test
    void shouldSubmitTheSessionsAndTelemetryJobs() {
        assertThat(FlinkJobSubmitter.ENTRY_CLASSES).containsExactly(SESSIONS, TELEMETRY);
    }
}
