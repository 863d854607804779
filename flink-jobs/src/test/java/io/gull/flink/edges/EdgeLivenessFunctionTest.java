package io.gull.flink.edges;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.gull.schemas.avro.EdgeHeartbeat;
import io.gull.schemas.avro.EdgeState;
import io.gull.schemas.avro.SessionEvent;
import io.gull.schemas.avro.SessionEventType;

/** An edge that dies takes its connections with it: the job must hear of each one, or no will is ever published. */
class EdgeLivenessFunctionTest {
    private static final Duration DEAD_AFTER = Duration.ofSeconds(10);

    private KeyedOneInputStreamOperatorTestHarness<String, EdgeSignal, SessionEvent> harness;

    @BeforeEach
    void open() throws Exception {
        harness = newHarness();
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void shouldDeclareEveryConnectionOfASilentEdgeClosedWithItsWill() throws Exception {
        // given an edge that beats and holds two connections, one of which closed normally
        beat("edge-1", "inc-1", EdgeState.RUNNING, 0);
        connection(SessionEventType.CONNECTED, "edge-1", "c1", "dev1");
        connection(SessionEventType.CONNECTED, "edge-1", "c2", "dev2");
        connection(SessionEventType.CONNECTED, "edge-1", "c3", "dev3");
        connection(SessionEventType.DISCONNECTED, "edge-1", "c3", "dev3");

        // when it stays silent for the dead-after time
        harness.setProcessingTime(DEAD_AFTER.toMillis());

        // then the two connections it still held are reported closed, with their wills due
        assertThat(harness.extractOutputValues()).extracting(SessionEvent::getConnectionId)
                .containsExactlyInAnyOrder("c1", "c2");
        assertThat(harness.extractOutputValues()).allSatisfy(event -> {
            assertThat(event.getType()).isEqualTo(SessionEventType.DISCONNECTED);
            assertThat(event.getEdgeId()).isEqualTo("edge-1");
            assertThat(event.getPublishWill()).isTrue();
        });
        assertThat(harness.extractOutputValues()).extracting(SessionEvent::getClientId)
                .containsExactlyInAnyOrder("dev1", "dev2");
    }

    @Test
    void shouldKeepAnEdgeAliveWhileItBeatsInTime() throws Exception {
        // given an edge with a connection, beating every 2 s
        beat("edge-1", "inc-1", EdgeState.RUNNING, 0);
        connection(SessionEventType.CONNECTED, "edge-1", "c1", "dev1");
        for (long t = 2_000; t <= 30_000; t += 2_000) {
            harness.setProcessingTime(t);
            beat("edge-1", "inc-1", EdgeState.RUNNING, t);
        }

        // when less than the dead-after time passes after the last beat
        harness.setProcessingTime(30_000 + DEAD_AFTER.toMillis() - 1);

        // then nothing is declared closed
        assertThat(harness.extractOutputValues()).isEmpty();
    }

    @Test
    void shouldCloseTheConnectionsOfAnEdgeThatRestartedAtOnce() throws Exception {
        // given an edge holding a connection
        beat("edge-1", "inc-1", EdgeState.RUNNING, 0);
        connection(SessionEventType.CONNECTED, "edge-1", "c1", "dev1");

        // when a heartbeat of a new incarnation arrives (killed and started again within the dead-after time)
        harness.setProcessingTime(3_000);
        beat("edge-1", "inc-2", EdgeState.RUNNING, 3_000);

        // then the old connection is closed right away
        assertThat(harness.extractOutputValues()).singleElement()
                .satisfies(event -> assertThat(event.getConnectionId()).isEqualTo("c1"));
    }

    @Test
    void shouldRememberConnectionsAndDeadlinesAcrossARestoreFromACheckpoint() throws Exception {
        // given an edge holding a connection, checkpointed
        beat("edge-1", "inc-1", EdgeState.RUNNING, 0);
        connection(SessionEventType.CONNECTED, "edge-1", "c1", "dev1");
        var state = harness.snapshot(1, 1);
        harness.close();

        // when the job restarts from it and the edge stays silent
        harness = newHarness();
        harness.initializeState(state);
        harness.open();
        harness.setProcessingTime(DEAD_AFTER.toMillis());

        // then its connection is still declared closed
        assertThat(harness.extractOutputValues()).singleElement()
                .satisfies(event -> assertThat(event.getClientId()).isEqualTo("dev1"));
    }

    private KeyedOneInputStreamOperatorTestHarness<String, EdgeSignal, SessionEvent> newHarness() throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, EdgeSignal, SessionEvent> h =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new EdgeLivenessFunction(DEAD_AFTER)), EdgeSignal::edgeId,
                        Types.STRING);
        h.setStateBackend(new EmbeddedRocksDBStateBackend());
        h.setProcessingTime(0);
        return h;
    }

    private void beat(String edgeId, String incarnation, EdgeState state, long at) throws Exception {
        harness.processElement(EdgeSignal.of(EdgeHeartbeat.newBuilder().setEdgeId(edgeId).setIncarnation(incarnation)
                .setState(state).setAt(Instant.ofEpochMilli(at)).build()), at);
    }

    private void connection(SessionEventType type, String edgeId, String connectionId, String clientId)
            throws Exception {
        harness.processElement(EdgeSignal.of(SessionEvent.newBuilder().setEventId(connectionId + type)
                .setType(type).setClientId(clientId).setEdgeId(edgeId).setConnectionId(connectionId)
                .setAt(Instant.EPOCH).build()), 0);
    }
}
