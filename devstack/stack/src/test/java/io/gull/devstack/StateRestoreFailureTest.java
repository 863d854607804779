package io.gull.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateRestoreFailureTest {
    private static final String CANNOT_MAP = "org.apache.flink.runtime.client.JobInitializationException: Could not"
            + " start the JobMaster. ... Caused by: java.lang.IllegalStateException: Failed to rollback to"
            + " checkpoint/savepoint file:/d/chk-4. Cannot map checkpoint/savepoint state for operator"
            + " 8b0b5d0e to the new program, because the operator is not available in the new program. If you want"
            + " to allow to skip this, you can set the --allowNonRestoredState option on the CLI.";

    @Test
    void shouldRecogniseStateThatNoOperatorClaims() {
        assertThat(StateRestoreFailure.isRestoreFailure(CANNOT_MAP)).isTrue();
        assertThat(StateRestoreFailure.isRestoreFailure(
                "org.apache.flink.util.StateMigrationException: The new state serializer cannot be incompatible"))
                .isTrue();
    }

    @Test
    void shouldNotTakeOtherFailuresForRestoreFailures() {
        assertThat(StateRestoreFailure.isRestoreFailure(
                "org.apache.kafka.common.errors.TimeoutException: Timed out waiting for a node assignment")).isFalse();
    }

    @Test
    void shouldNameTheJobTheFlinkErrorAndBothWaysOut() {
        Path checkpoint = Path.of("/d/flink/checkpoints/0123456789abcdef0123456789abcdef/chk-4");

        StackException failure = StateRestoreFailure.of("io.gull.flink.SessionsJob", checkpoint,
                Optional.of(CANNOT_MAP), Path.of("/d/logs/flink.log"));

        assertThat(failure.getMessage())
                .startsWith("Flink job SessionsJob cannot resume from its checkpoint"
                        + " 0123456789abcdef0123456789abcdef/chk-4: java.lang.IllegalStateException: Failed to rollback")
                .contains("It was not started without its state.")
                .contains("./gull up --allow-non-restored-state")
                .contains("./gull up --fresh-jobs")
                .doesNotContain("\n");
    }

    @Test
    void shouldBlameTheStateWhenAResumedJobEndsWithoutAReason() {
        assertThat(StateRestoreFailure.explains(true, Optional.empty())).isTrue();
        assertThat(StateRestoreFailure.explains(false, Optional.empty())).isFalse();
        assertThat(StateRestoreFailure.explains(true, Optional.of("java.net.ConnectException: refused"))).isFalse();
        assertThat(StateRestoreFailure.explains(false, Optional.of(CANNOT_MAP))).isTrue();
    }

    @Test
    void shouldFindTheRestoreFailureInTheCurrentRunOfTheFlinkLog(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("flink.log");
        Files.writeString(log, String.join("\n", "==== Gull flink starting at 2026-12-01T20:00:00Z",
                "==== java -cp ...", "INFO  Starting the cluster",
                "Caused by: java.lang.IllegalStateException: Cannot map checkpoint/savepoint state for operator 8b0b5d0e"
                        + " to the new program, because the operator is not available in the new program.",
                "INFO  Job SessionsJob switched from state INITIALIZING to FAILED", ""));

        assertThat(StateRestoreFailure.fromLog(log)).contains("Caused by: java.lang.IllegalStateException: Cannot map"
                + " checkpoint/savepoint state for operator 8b0b5d0e to the new program, because the operator is not"
                + " available in the new program.");
        assertThat(StateRestoreFailure.errorLine(StateRestoreFailure.fromLog(log).orElseThrow()))
                .startsWith("java.lang.IllegalStateException: Cannot map");
    }
}
