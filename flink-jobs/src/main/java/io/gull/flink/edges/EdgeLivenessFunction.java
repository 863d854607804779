package io.gull.flink.edges;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.gull.schemas.avro.EdgeHeartbeat;
import io.gull.schemas.avro.EdgeState;
import io.gull.schemas.avro.SessionEvent;
import io.gull.schemas.avro.SessionEventType;

/**
 * Keyed by edge id: which connections each edge holds (from its CONNECTED / DISCONNECTED events) and whether it is
 * alive (from its heartbeats). When an edge goes silent for {@code deadAfter}, restarts (a heartbeat of a new
 * incarnation) or stops, every connection it still held is declared closed: a DISCONNECTED event with
 * {@code publishWill} is emitted for it, so the sessions operator treats those sessions as disconnected (offline
 * queueing, session expiry, wills). Time is the job's processing time at arrival; the edge's clock is never used.
 */
public final class EdgeLivenessFunction extends KeyedProcessFunction<String, EdgeSignal, SessionEvent> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(EdgeLivenessFunction.class);
    static final String DEAD_EDGES = "edgesDeclaredDead";
    static final String CLOSED_CONNECTIONS = "connectionsClosedForDeadEdges";

    private final long deadAfterMillis;
    private transient ValueState<String> incarnation;
    private transient ValueState<Long> deadline;
    private transient MapState<String, String> connections;
    private transient Counter deadEdges;
    private transient Counter closedConnections;

    /** @param deadAfter how long an edge may stay silent before its connections are declared closed */
    public EdgeLivenessFunction(Duration deadAfter) {
        if (deadAfter.toMillis() < 1) {
            throw new IllegalArgumentException("edge dead-after must be positive: " + deadAfter);
        }
        this.deadAfterMillis = deadAfter.toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        incarnation = getRuntimeContext().getState(new ValueStateDescriptor<>("incarnation", Types.STRING));
        deadline = getRuntimeContext().getState(new ValueStateDescriptor<>("deadline", Types.LONG));
        connections = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("connections", Types.STRING, Types.STRING));
        deadEdges = getRuntimeContext().getMetricGroup().counter(DEAD_EDGES);
        closedConnections = getRuntimeContext().getMetricGroup().counter(CLOSED_CONNECTIONS);
    }

    @Override
    public void processElement(EdgeSignal signal, Context ctx, Collector<SessionEvent> out) throws Exception {
        long now = ctx.timerService().currentProcessingTime();
        if (signal.heartbeat() != null) {
            onHeartbeat(signal.heartbeat(), ctx, now, out);
        } else if (signal.connection() != null) {
            onConnection(signal.connection());
        }
    }

    private void onHeartbeat(EdgeHeartbeat beat, Context ctx, long now, Collector<SessionEvent> out) throws Exception {
        String known = incarnation.value();
        if (known != null && !known.equals(beat.getIncarnation())) {
            closeAll(ctx.getCurrentKey(), "edge " + ctx.getCurrentKey() + " restarted", now, out);
        }
        incarnation.update(beat.getIncarnation());
        Long previous = deadline.value();
        if (previous != null) {
            ctx.timerService().deleteProcessingTimeTimer(previous);
        }
        if (beat.getState() == EdgeState.STOPPED) {
            closeAll(ctx.getCurrentKey(), "edge " + ctx.getCurrentKey() + " stopped", now, out);
            deadline.clear();
            return;
        }
        long next = now + deadAfterMillis;
        deadline.update(next);
        ctx.timerService().registerProcessingTimeTimer(next);
    }

    private void onConnection(SessionEvent event) throws Exception {
        String connectionId = event.getConnectionId();
        if (connectionId == null) {
            return; // a 0.1.0 edge: its connections cannot be told apart
        }
        if (event.getType() == SessionEventType.CONNECTED) {
            connections.put(connectionId, event.getClientId());
        } else if (event.getType() == SessionEventType.DISCONNECTED) {
            connections.remove(connectionId);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<SessionEvent> out) throws Exception {
        Long due = deadline.value();
        if (due == null || due != timestamp) {
            return; // a heartbeat came in time and moved the deadline
        }
        deadline.clear();
        deadEdges.inc();
        String edgeId = ctx.getCurrentKey();
        int closed = closeAll(edgeId, "edge " + edgeId + " sent no heartbeat for " + deadAfterMillis + " ms",
                timestamp, out);
        LOG.warn("Edge {} sent no heartbeat for {} ms: declared dead, {} of its connections closed (wills published, "
                + "persistent sessions kept offline)", edgeId, deadAfterMillis, closed);
    }

    private int closeAll(String edgeId, String reason, long now, Collector<SessionEvent> out) throws Exception {
        List<Map.Entry<String, String>> held = new ArrayList<>();
        for (Map.Entry<String, String> entry : connections.entries()) {
            held.add(Map.entry(entry.getKey(), entry.getValue()));
        }
        for (Map.Entry<String, String> connection : held) {
            out.collect(closed(edgeId, connection.getKey(), connection.getValue(), reason, now));
            closedConnections.inc();
        }
        connections.clear();
        return held.size();
    }

    private static SessionEvent closed(String edgeId, String connectionId, String clientId, String reason, long now) {
        return SessionEvent.newBuilder()
                .setEventId("edge-closed/" + connectionId)
                .setType(SessionEventType.DISCONNECTED)
                .setClientId(clientId)
                .setEdgeId(edgeId)
                .setConnectionId(connectionId)
                .setReason(reason)
                .setPublishWill(true)
                .setAt(Instant.ofEpochMilli(now))
                .build();
    }
}
