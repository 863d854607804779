package io.gull.flink.routing;

import java.nio.ByteBuffer;
import java.util.ArrayList;

import io.gull.flink.auth.EdgeReply;
import io.gull.schemas.avro.Delivery;
import io.gull.schemas.avro.DeliveryKind;
import io.gull.schemas.avro.EdgeMessage;

/** The inbox record that sends one message (or its PUBREL) to a session's current connection. */
final class Deliveries {
    private Deliveries() {
    }

    /**
     * @param seq  the message's queue position (0 for QoS 0)
     * @param dup  sent before (on an earlier connection)
     * @param kind PUBLISH, or PUBREL for a QoS 2 message the client has PUBRECed (sent without payload)
     * @param now  the time the Message Expiry Interval left is computed at
     */
    static EdgeReply of(String clientId, SessionPresence to, long seq, QueuedMessage message, boolean dup,
            DeliveryKind kind, long now) {
        MessageContent content = message.message();
        Delivery delivery = Delivery.newBuilder()
                .setClientId(clientId)
                .setConnectionId(to.connectionId())
                .setSeq(seq)
                .setMessageId(content.messageId())
                .setKind(kind)
                .setTopic(content.topic())
                .setPayload(ByteBuffer.wrap(kind == DeliveryKind.PUBREL ? new byte[0] : content.payload()))
                .setQos(message.qos())
                .setRetain(message.retain())
                .setDup(dup)
                .setPacketId(message.packetId())
                .setProperties(MessageExpiry.withTimeLeft(content.properties(), message.expiresAt(), now))
                .setSubscriptionIds(new ArrayList<>(message.subscriptionIds()))
                .setQueue(null)
                .build();
        return new EdgeReply(to.edgeId(), clientId, EdgeMessage.newBuilder().setBody(delivery).build());
    }
}
