package io.gull.flink.routing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.gull.flink.auth.EdgeReply;
import io.gull.schemas.avro.Command;
import io.gull.schemas.avro.Delivery;
import io.gull.schemas.avro.DeliveryAck;
import io.gull.schemas.avro.DeliveryAckKind;
import io.gull.schemas.avro.Publish;
import io.gull.schemas.avro.SessionEvent;
import io.gull.schemas.avro.SessionEventType;
import io.gull.schemas.avro.SharedHandoff;
import io.gull.schemas.avro.Subscription;

/** Records for routing tests, with defaults for everything a test does not care about. */
final class RoutingFixtures {
    static final String TENANT = "acme";

    private RoutingFixtures() {
    }

    static Publish publish(String tenant, String publisher, String topic, int qos) {
        return publish(tenant, publisher, topic, qos, false, "m-" + publisher + "-" + topic + "-" + qos, "hello");
    }

    static Publish publish(String tenant, String publisher, String topic, int qos, boolean retain, String messageId,
            String payload) {
        return Publish.newBuilder()
                .setMessageId(messageId)
                .setEdgeId("edge-a")
                .setClientId(publisher)
                .setTenant(tenant)
                .setTopic(topic)
                .setPayload(ByteBuffer.wrap(payload.getBytes(StandardCharsets.UTF_8)))
                .setQos(qos)
                .setRetain(retain)
                .setProperties(new HashMap<>())
                .setReceivedAt(Instant.ofEpochMilli(0))
                .build();
    }

    /** A publish that expires {@code seconds} after {@code receivedAtMs}. */
    static Publish expiring(Publish publish, long receivedAtMs, long seconds) {
        Map<String, String> properties = new HashMap<>(publish.getProperties());
        properties.put(MessageExpiry.PROPERTY, Long.toString(seconds));
        return Publish.newBuilder(publish).setReceivedAt(Instant.ofEpochMilli(receivedAtMs)).setProperties(properties)
                .build();
    }

    static SharedMember member(String tenant, String clientId, String sharedFilter, SharedMember.Status status) {
        return new SharedMember(tenant, clientId, subscription(sharedFilter, 1), status);
    }

    /** A message {@code from} hands back to its shared subscription. */
    static SharedHandoff handoff(String tenant, String sharedFilter, String from, String messageId) {
        return SharedHandoff.newBuilder().setTenant(tenant).setFilter(sharedFilter).setFromClientId(from).setHops(1)
                .setMessage(publish(tenant, "pub", "a/b", 1, false, messageId, messageId)).build();
    }

    static Subscription subscription(String filter, int qos) {
        return Subscription.newBuilder().setFilter(filter).setQos(qos).build();
    }

    static Subscription subscription(String filter, int qos, Integer id) {
        return Subscription.newBuilder().setFilter(filter).setQos(qos).setSubscriptionId(id).build();
    }

    static SubscriptionChange subscribed(String tenant, String clientId, Subscription subscription) {
        return new SubscriptionChange(tenant, clientId, subscription, true);
    }

    static SubscriptionChange unsubscribed(String tenant, String clientId, String filter) {
        return new SubscriptionChange(tenant, clientId, subscription(filter, 0), false);
    }

    static Match match(String clientId, String messageId, int qos) {
        return new Match(clientId, publish(TENANT, "publisher", "t/" + messageId, qos, false, messageId, messageId),
                qos, false, new ArrayList<>(List.of(7)));
    }

    static Presence online(String clientId, String connectionId, int receiveMaximum, boolean resumed) {
        return new Presence(clientId, Presence.Kind.ONLINE, "edge-" + connectionId, connectionId, receiveMaximum, 5,
                resumed, true);
    }

    static Presence onlineNotPersistent(String clientId, String connectionId) {
        return new Presence(clientId, Presence.Kind.ONLINE, "edge-" + connectionId, connectionId, 100, 5, false,
                false);
    }

    static Presence offline(String clientId) {
        return new Presence(clientId, Presence.Kind.OFFLINE, null, null, 0, 5, false, true);
    }

    static Presence ended(String clientId) {
        return new Presence(clientId, Presence.Kind.ENDED, null, null, 0, 5, false, false);
    }

    static DeliveryAck ack(Delivery delivery, DeliveryAckKind kind) {
        return ack(delivery.getSeq(), delivery.getMessageId(), kind);
    }

    static DeliveryAck ack(long seq, String messageId, DeliveryAckKind kind) {
        return DeliveryAck.newBuilder().setSeq(seq).setMessageId(messageId).setKind(kind).build();
    }

    static SessionEvent acked(String clientId, DeliveryAck... acks) {
        return SessionEvent.newBuilder()
                .setEventId("ev")
                .setType(SessionEventType.ACKED)
                .setClientId(clientId)
                .setEdgeId("edge")
                .setAt(Instant.ofEpochMilli(0))
                .setAcks(List.of(acks))
                .build();
    }

    static Command command(String deviceId, String commandId, int qos, Long expiresAtMs) {
        return Command.newBuilder()
                .setCommandId(commandId)
                .setDeviceId(deviceId)
                .setTopic("commands/" + deviceId)
                .setPayload(ByteBuffer.wrap("reboot".getBytes(StandardCharsets.UTF_8)))
                .setQos(qos)
                .setProperties(new HashMap<>())
                .setCreatedAt(Instant.ofEpochMilli(0))
                .setExpiresAt(expiresAtMs == null ? null : Instant.ofEpochMilli(expiresAtMs))
                .build();
    }

    static Delivery delivery(EdgeReply reply) {
        return (Delivery) reply.message().getBody();
    }

    static List<Delivery> deliveries(List<EdgeReply> replies) {
        return replies.stream().map(RoutingFixtures::delivery).toList();
    }

    static List<String> messageIds(List<EdgeReply> replies) {
        return replies.stream().map(reply -> delivery(reply).getMessageId()).toList();
    }

    static String text(ByteBuffer buffer) {
        ByteBuffer view = buffer.duplicate();
        byte[] bytes = new byte[view.remaining()];
        view.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
