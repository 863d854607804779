package io.gull.flink.session;

import static io.gull.flink.session.SessionFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.gull.flink.routing.Presence;
import io.gull.schemas.avro.EdgeHeartbeat;
import io.gull.schemas.avro.EdgeState;
import io.gull.schemas.avro.Kick;
import io.gull.schemas.avro.KickReason;
import io.gull.schemas.avro.SessionEvent;
import io.gull.schemas.avro.SessionEventType;

/** A silent or restarted edge's connections are closed abruptly (DISCONNECTED with publishWill). */
class EdgeLivenessFunctionTest {
    private static final long DEAD_AFTER = 10_000;

    private KeyedOneInputStreamOperatorTestHarness<String, LivenessInput, SessionEvent> harness;

    @BeforeEach
    void open() throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new EdgeLivenessFunction(
                new SessionConfig(Duration.ofSeconds(1), Duration.ofSeconds(10), Session.NEVER,
                        Duration.ofMillis(DEAD_AFTER)))), LivenessInput::edgeId, Types.STRING);
        harness.setStateBackend(new EmbeddedRocksDBStateBackend());
        harness.setProcessingTime(T0);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void shouldCloseEveryConnectionOfAnEdgeThatStoppedBeating() throws Exception {
        // given edge-a beating, with two sessions online and one that went offline
        beat("edge-a", "inc-1");
        online("dev1", "c1");
        online("dev2", "c2");
        online("dev3", "c3");
        harness.processElement(LivenessInput.of(new Presence("dev3", Presence.Kind.OFFLINE, "edge-a", "c3", 20, 5,
                false, true)), 0);
        harness.setProcessingTime(T0 + 5_000);
        beat("edge-a", "inc-1");

        // when it stays silent for the dead-after time after its last beat
        harness.setProcessingTime(T0 + 5_000 + DEAD_AFTER - 1);
        assertThat(harness.extractOutputValues()).isEmpty();
        harness.setProcessingTime(T0 + 5_000 + DEAD_AFTER);

        // then the connections it held are closed abruptly, once
        List<SessionEvent> closed = harness.extractOutputValues();
        assertThat(closed).extracting(SessionEvent::getClientId, SessionEvent::getConnectionId)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("dev1", "c1"),
                        org.assertj.core.groups.Tuple.tuple("dev2", "c2"));
        assertThat(closed).allSatisfy(event -> {
            assertThat(event.getType()).isEqualTo(SessionEventType.DISCONNECTED);
            assertThat(event.getPublishWill()).isTrue();
            assertThat(event.getEdgeId()).isEqualTo("edge-a");
            assertThat(event.getReason()).isEqualTo(EdgeLiveness.EDGE_DEAD);
        });
        harness.setProcessingTime(T0 + 60_000);
        assertThat(harness.extractOutputValues()).hasSize(2);
    }

    @Test
    void shouldGiveEveryEdgeAFullIntervalAgainAfterARestoreInsteadOfDeclaringItDead() throws Exception {
        // given edge-a beating with a session online, checkpointed
        beat("edge-a", "inc-1");
        online("dev1", "c1");
        var snapshot = harness.snapshot(1, T0);
        harness.close();

        // when the job restores that checkpoint 30 s later (its timers are overdue) and the edge's beats come in
        harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new EdgeLivenessFunction(
                new SessionConfig(Duration.ofSeconds(1), Duration.ofSeconds(10), Session.NEVER,
                        Duration.ofMillis(DEAD_AFTER)))), LivenessInput::edgeId, Types.STRING);
        harness.setStateBackend(new EmbeddedRocksDBStateBackend());
        harness.setProcessingTime(T0);
        harness.initializeState(snapshot);
        harness.open();
        harness.setProcessingTime(T0 + 30_000);
        harness.setProcessingTime(T0 + 30_000 + DEAD_AFTER / 2);
        beat("edge-a", "inc-1");

        // then the live edge's connection is not closed
        harness.setProcessingTime(T0 + 30_000 + DEAD_AFTER);
        assertThat(harness.extractOutputValues()).isEmpty();

        // and an edge that really stays silent is still declared dead, one interval after its last beat
        harness.setProcessingTime(T0 + 30_000 + DEAD_AFTER / 2 + DEAD_AFTER);
        assertThat(harness.extractOutputValues()).extracting(SessionEvent::getConnectionId).containsExactly("c1");
    }

    @Test
    void shouldCloseTheConnectionsOfTheOldProcessWhenAnEdgeRestarts() throws Exception {
        beat("edge-a", "inc-1");
        online("dev1", "c1");

        beat("edge-a", "inc-2");

        assertThat(harness.extractOutputValues()).extracting(SessionEvent::getConnectionId).containsExactly("c1");
    }

    @Test
    void shouldForgetAKickedConnection() throws Exception {
        beat("edge-a", "inc-1");
        online("dev1", "c1");
        harness.processElement(LivenessInput.kicked("edge-a", Kick.newBuilder().setClientId("dev1")
                .setConnectionId("c1").setReason(KickReason.TAKEN_OVER).build()), 0);

        harness.setProcessingTime(T0 + DEAD_AFTER);

        assertThat(harness.extractOutputValues()).isEmpty();
    }

    @Test
    void shouldNeverDeclareAnEdgeDeadThatNeverBeat() throws Exception {
        online("dev1", "c1");

        harness.setProcessingTime(T0 + 3_600_000);

        assertThat(harness.extractOutputValues()).isEmpty();
    }

    private void beat(String edgeId, String incarnation) throws Exception {
        harness.processElement(LivenessInput.of(EdgeHeartbeat.newBuilder().setEdgeId(edgeId)
                .setIncarnation(incarnation).setState(EdgeState.RUNNING).setAt(Instant.ofEpochMilli(T0)).build()), 0);
    }

    private void online(String clientId, String connectionId) throws Exception {
        harness.processElement(LivenessInput.of(new Presence(clientId, Presence.Kind.ONLINE, "edge-a", connectionId,
                20, 5, false, true)), 0);
    }
}
