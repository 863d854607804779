package io.gull.edge.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.gull.schemas.avro.SessionEvent;
import io.gull.schemas.avro.Subscription;
import io.gull.schemas.topic.TopicFilters;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttReasonCodes;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttSubscriptionOption;
import io.netty.handler.codec.mqtt.MqttTopicSubscription;
import io.netty.handler.codec.mqtt.MqttUnsubscribeMessage;

/**
 * SUBSCRIBE and UNSUBSCRIBE of one connection: each filter validated ({@link TopicFilters}); the valid ones go to
 * {@code gull.sessions} as SUBSCRIBED / UNSUBSCRIBED events, in chunks of at most {@value #MAX_PER_EVENT}
 * filters (and a byte budget below {@code kafka.max-request-size}), and the SUBACK / UNSUBACK is written once
 * Kafka stored every chunk, in order with the connection's other replies ({@link StoredReplies}). If Kafka does
 * not store one, the connection closes like for a PUBLISH. Runs on the connection's event loop.
 */
final class SubscribeHandling {
    private static final Logger log = LoggerFactory.getLogger(SubscribeHandling.class);
    /** Subscriptions (or filters) per session event. */
    static final int MAX_PER_EVENT = 1000;
    /** Bytes an event carries besides its filters, and each subscription besides its filter (generous). */
    private static final int EVENT_OVERHEAD = 1024;
    private static final int PER_ENTRY_OVERHEAD = 32;

    private final ClientSession session;
    private final ConnectionServices services;
    private final StoredReplies replies;
    private final int maxEventBytes;

    SubscribeHandling(ClientSession session, ConnectionServices services, StoredReplies replies) {
        this.session = session;
        this.services = services;
        this.replies = replies;
        this.maxEventBytes = Math.max(4096, (services.config().maxRequestSize() - EVENT_OVERHEAD) / 2);
    }

    /** Answers SUBSCRIBE; the caller has checked it has at least one filter (MQTT-3.8.3-3). */
    void subscribe(MqttSubscribeMessage subscribe) {
        if (!replies.accepting()) {
            return;
        }
        int packetId = subscribe.idAndPropertiesVariableHeader().messageId();
        Integer subscriptionId = subscriptionId(subscribe.idAndPropertiesVariableHeader().properties());
        List<Integer> codes = new ArrayList<>();
        List<Subscription> valid = new ArrayList<>();
        for (MqttTopicSubscription topic : subscribe.payload().topicSubscriptions()) {
            String filter = topic.topicFilter();
            Optional<String> problem = TopicFilters.filterProblem(filter);
            if (problem.isPresent()) {
                codes.add(invalidFilterCode());
                log.debug("Client {} subscribed to invalid filter '{}': {}", session.clientId(), filter, problem.get());
            } else {
                MqttSubscriptionOption option = topic.option();
                int granted = Math.min(option.qos().value(), MqttQoS.EXACTLY_ONCE.value());
                codes.add(granted);
                valid.add(Subscription.newBuilder()
                        .setFilter(filter)
                        .setQos(granted)
                        .setNoLocal(option.isNoLocal())
                        .setRetainAsPublished(option.isRetainAsPublished())
                        .setRetainHandling(option.retainHandling().value())
                        .setSubscriptionId(subscriptionId)
                        .build());
            }
        }
        List<SessionEvent> events = new ArrayList<>();
        for (List<Subscription> chunk : chunks(valid, s -> s.getFilter())) {
            events.add(SessionEvents.subscribed(session, services.config().edgeId(), chunk, services.clock()));
        }
        replies.add(storeAll(events), reason -> MqttReplies.subAck(packetId, codes),
                subscribe.fixedHeader().remainingLength(), error -> null);
    }

    void unsubscribe(MqttUnsubscribeMessage unsubscribe) {
        if (!replies.accepting()) {
            return;
        }
        int packetId = unsubscribe.idAndPropertiesVariableHeader().messageId();
        List<Short> codes = new ArrayList<>();
        List<String> valid = new ArrayList<>();
        for (String filter : unsubscribe.payload().topics()) {
            if (TopicFilters.filterProblem(filter).isPresent()) {
                codes.add((short) (MqttReasonCodes.UnsubAck.TOPIC_FILTER_INVALID.byteValue() & 0xFF));
            } else {
                // 0x00: the edge does not know whether the subscription existed; the job does
                codes.add((short) 0);
                valid.add(filter);
            }
        }
        List<SessionEvent> events = new ArrayList<>();
        for (List<String> chunk : chunks(valid, f -> f)) {
            events.add(SessionEvents.unsubscribed(session, services.config().edgeId(), chunk, services.clock()));
        }
        replies.add(storeAll(events), reason -> MqttReplies.unsubAck(packetId, codes, session.isV5()),
                unsubscribe.fixedHeader().remainingLength(), error -> null);
    }

    private int invalidFilterCode() {
        return session.isV5() ? MqttReasonCodes.SubAck.TOPIC_FILTER_INVALID.byteValue() & 0xFF
                : MqttReasonCodes.SubAck.UNSPECIFIED_ERROR.byteValue() & 0xFF; // 3.1.1 0x80 Failure
    }

    /** Completes when Kafka stored every event (at once when there is none: all filters were invalid). */
    private CompletableFuture<Void> storeAll(List<SessionEvent> events) {
        CompletableFuture<?>[] stored = events.stream()
                .map(e -> services.sessionEvents().emit(e).toCompletableFuture())
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(stored);
    }

    private <T> List<List<T>> chunks(List<T> items, java.util.function.Function<T, String> filterOf) {
        List<List<T>> chunks = new ArrayList<>();
        List<T> current = new ArrayList<>();
        int bytes = 0;
        for (T item : items) {
            int size = filterOf.apply(item).getBytes(StandardCharsets.UTF_8).length + PER_ENTRY_OVERHEAD;
            if (!current.isEmpty() && (current.size() >= MAX_PER_EVENT || bytes + size > maxEventBytes)) {
                chunks.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(item);
            bytes += size;
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }

    private static Integer subscriptionId(MqttProperties properties) {
        if (properties == null) {
            return null;
        }
        MqttProperties.MqttProperty<?> id = properties.getProperty(MqttProperties.SUBSCRIPTION_IDENTIFIER);
        return id == null ? null : (Integer) id.value();
    }
}
