package io.gull.flink.routing;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import io.gull.flink.auth.EdgeReply;
import io.gull.schemas.avro.SessionEventType;
import io.gull.schemas.avro.SharedHandoff;

/**
 * The delivery operator (uid {@code delivery}), keyed by the subscriber's client id: its presence, its queue of
 * QoS 1/2 messages (seq -> {@link QueuedMessage}, with messageId and packet-id indexes) and the queue's
 * {@link QueueCounters}, and the shared tags of messages that came through a shared subscription, handed back on
 * side output {@link #HANDOFFS} when the session goes away. The rules are {@link SessionQueue}'s; this class loads and saves the state around them.
 * Processing time is the clock of message expiry.
 */
public final class DeliveryFunction extends KeyedProcessFunction<String, DeliveryInput, EdgeReply> {
    private static final long serialVersionUID = 1L;

    /** Shared subscriptions' messages for another member (through gull.shared.handoffs). */
    public static final OutputTag<SharedHandoff> HANDOFFS =
            new OutputTag<>("shared-handoffs", new AvroTypeInfo<>(SharedHandoff.class));

    private final RoutingConfig config;
    private transient ValueState<SessionPresence> presence;
    private transient ValueState<QueueCounters> counters;
    private transient StateQueueStore store;
    private transient DeliveryMetrics metrics;

    public DeliveryFunction(RoutingConfig config) {
        this.config = config;
    }

    @Override
    public void open(OpenContext openContext) {
        presence = getRuntimeContext().getState(new ValueStateDescriptor<>("presence", SessionPresence.TYPE));
        counters = getRuntimeContext().getState(new ValueStateDescriptor<>("queue-counters", QueueCounters.TYPE));
        MapState<Long, QueuedMessage> queue = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("queue", Types.LONG, QueuedMessage.TYPE));
        MapState<String, Long> byMessageId = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("queue-message-ids", Types.STRING, Types.LONG));
        MapState<Integer, Long> byPacketId = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("queue-packet-ids", Types.INT, Types.LONG));
        MapState<Long, SharedTag> sharedTags = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("queue-shared-tags", Types.LONG, SharedTag.TYPE));
        store = new StateQueueStore(queue, byMessageId, byPacketId, sharedTags);
        metrics = new DeliveryMetrics(getRuntimeContext().getMetricGroup());
    }

    DeliveryMetrics metrics() {
        return metrics;
    }

    @Override
    public void processElement(DeliveryInput input, Context ctx, Collector<EdgeReply> out) throws Exception {
        if (input.acks() != null && input.acks().getType() != SessionEventType.ACKED) {
            return; // only ACKED events are for delivery
        }
        long now = ctx.timerService().currentProcessingTime();
        SessionPresence loadedPresence = presence.value();
        QueueCounters loadedCounters = counters.value();
        SessionQueue session = new SessionQueue(ctx.getCurrentKey(), loadedPresence, loadedCounters, store, config,
                metrics);
        if (input.match() != null) {
            session.offer(QueuedMessage.of(input.match()), input.match().shared(), now);
        } else if (input.command() != null) {
            session.offer(QueuedMessage.of(input.command()), now);
        } else if (input.presence() != null) {
            session.presence(input.presence(), now);
        } else {
            session.acked(input.acks().getAcks(), now);
        }
        save(session, loadedPresence, loadedCounters);
        session.replies().forEach(out::collect);
        for (SessionQueue.Handoff handoff : session.handoffs()) {
            ctx.output(HANDOFFS, SharedHandoffs.of(ctx.getCurrentKey(), handoff.tag(), handoff.message(), now));
        }
    }

    private void save(SessionQueue session, SessionPresence loadedPresence, QueueCounters loadedCounters)
            throws Exception {
        if (session.ended()) {
            presence.clear();
            counters.clear();
            store.clear();
            return;
        }
        SessionPresence now = session.presence();
        if (now != null && !now.equals(loadedPresence)) {
            presence.update(now);
        }
        QueueCounters after = session.counters();
        if (!after.equals(loadedCounters == null ? QueueCounters.EMPTY : loadedCounters)) {
            counters.update(after);
        }
    }
}
