package io.gull.flink.session;

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

import io.gull.flink.routing.Presence;
import io.gull.schemas.avro.EdgeHeartbeat;
import io.gull.schemas.avro.SessionEvent;

/**
 * The edge-liveness operator (uid {@code edge-liveness}), keyed by edge id: the connections each edge holds (from
 * Presence and kicks) and its heartbeats; when the edge is dead ({@link EdgeLiveness}) it emits a DISCONNECTED with
 * publishWill for each of them, for gull.sessions. Counters {@code edgesDead}, {@code connectionsOfDeadEdges}.
 * Edges that never beat (older edges) are never declared dead.
 */
public final class EdgeLivenessFunction extends KeyedProcessFunction<String, LivenessInput, SessionEvent> {
    private static final long serialVersionUID = 1L;

    private final long deadAfterMillis;
    private transient ValueState<EdgeLife> edge;
    private transient MapState<String, String> connections;
    private transient Counter edgesDead;
    private transient Counter connectionsOfDeadEdges;
    /** Processing time this operator instance first ran at (after a start or a restore), -1 before. */
    private transient long startedAt;

    public EdgeLivenessFunction(SessionConfig config) {
        this.deadAfterMillis = config.edgeDeadAfter().toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        edge = getRuntimeContext().getState(new ValueStateDescriptor<>("edge", EdgeLife.TYPE));
        connections = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("connections", Types.STRING, Types.STRING));
        edgesDead = getRuntimeContext().getMetricGroup().counter("edgesDead");
        connectionsOfDeadEdges = getRuntimeContext().getMetricGroup().counter("connectionsOfDeadEdges");
        startedAt = -1;
    }

    @Override
    public void processElement(LivenessInput input, Context ctx, Collector<SessionEvent> out) throws Exception {
        noteStart(ctx.timerService().currentProcessingTime());
        if (input.presence() != null) {
            Presence presence = input.presence();
            if (presence.kind() == Presence.Kind.ONLINE) {
                connections.put(presence.connectionId(), presence.clientId());
            } else {
                connections.remove(presence.connectionId());
            }
        } else if (input.kick() != null) {
            connections.remove(input.kick().getConnectionId());
        } else if (input.heartbeat() != null) {
            onHeartbeat(input.heartbeat(), ctx, out);
        }
    }

    private void onHeartbeat(EdgeHeartbeat beat, Context ctx, Collector<SessionEvent> out) throws Exception {
        long now = ctx.timerService().currentProcessingTime();
        EdgeLife known = edge.value();
        if (EdgeLiveness.restarted(known, beat)) {
            closeAll(ctx.getCurrentKey(), now, out);
        }
        if (known != null && !known.dead()) {
            ctx.timerService().deleteProcessingTimeTimer(known.deadline());
        }
        EdgeLife next = EdgeLiveness.beat(beat, now, deadAfterMillis);
        edge.update(next);
        ctx.timerService().registerProcessingTimeTimer(next.deadline());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<SessionEvent> out) throws Exception {
        long now = ctx.timerService().currentProcessingTime();
        noteStart(now);
        EdgeLife known = edge.value();
        if (known != null && !known.dead() && now - startedAt < deadAfterMillis) {
            // Restored from a checkpoint after a pause: deadlines that passed while the job was down say nothing
            // about the edges, whose heartbeats are still being replayed. Give every edge a full interval again.
            long deadline = startedAt + deadAfterMillis;
            edge.update(new EdgeLife(known.incarnation(), deadline, false));
            ctx.timerService().registerProcessingTimeTimer(deadline);
            return;
        }
        if (EdgeLiveness.silent(known, timestamp)) {
            edgesDead.inc();
            closeAll(ctx.getCurrentKey(), ctx.timerService().currentProcessingTime(), out);
            edge.update(new EdgeLife(known.incarnation(), known.deadline(), true));
        }
    }

    private void noteStart(long now) {
        if (startedAt < 0) {
            startedAt = now;
        }
    }

    private void closeAll(String edgeId, long now, Collector<SessionEvent> out) throws Exception {
        List<Map.Entry<String, String>> held = new ArrayList<>();
        for (Map.Entry<String, String> connection : connections.entries()) {
            held.add(Map.entry(connection.getKey(), connection.getValue()));
        }
        for (Map.Entry<String, String> connection : held) {
            out.collect(EdgeLiveness.disconnected(edgeId, connection.getValue(), connection.getKey(), now));
            connectionsOfDeadEdges.inc();
        }
        connections.clear();
    }
}
