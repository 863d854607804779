package io.gull.flink.session;

import static io.gull.flink.auth.AuthFixtures.request;
import static io.gull.flink.session.SessionFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.util.OperatorSnapshotUtil;
import org.junit.jupiter.api.Test;

import io.gull.schemas.avro.AuthDecision;
import io.gull.schemas.avro.AuthOutcome;

/**
 * The sessions operator restores the state of the device-auth job's operator (same uid): the snapshot was taken with
 * Flink 2.2 and RocksDB from DeviceAuthFunction (two inputs) with device dev1 registered (password pw, tenant acme)
 * and one request of the unknown device ghost waiting for its grace to end.
 */
class DeviceAuthRestoreTest {
    private static final String SNAPSHOT = "src/test/resources/snapshots/device-auth-flink-2.2.snapshot";

    @Test
    void shouldKeepTheRegistryAndAnswerTheWaitingRequestOfADeviceAuthSnapshot() throws Exception {
        // given the device-auth operator's snapshot
        OperatorSubtaskState deviceAuth = OperatorSnapshotUtil.readStateHandle(SNAPSHOT);

        // when the sessions operator starts from it
        try (SessionsHarness sessions = new SessionsHarness(
                new SessionConfig(Duration.ofSeconds(1), Duration.ofSeconds(10), Session.NEVER), deviceAuth)) {
            sessions.at(T0 + 1);

            // then the waiting request's timer fires: answered as before (its append time is not known: not stale)
            AuthDecision ghost = sessions.takeDecision();
            assertThat(ghost.getRequestId()).isEqualTo("r-ghost");
            assertThat(ghost.getOutcome()).isEqualTo(AuthOutcome.UNKNOWN_DEVICE);

            // and the registered device still authenticates, and opens a session
            sessions.connect(request("r1", "dev1", null, "pw"));
            AuthDecision dev1 = sessions.takeDecision();
            assertThat(dev1.getOutcome()).isEqualTo(AuthOutcome.ALLOWED);
            assertThat(dev1.getTenant()).isEqualTo("acme");
            assertThat(sessions.takePresence()).hasSize(1);
        }
    }
}
