package io.gull.flink.routing;

import java.nio.ByteBuffer;
import java.time.Instant;

import io.gull.schemas.avro.Publish;
import io.gull.schemas.avro.SharedHandoff;

/** A queued shared-subscription message as a {@link SharedHandoff} record, and back as a {@link SharedMatch}. */
public final class SharedHandoffs {
    private SharedHandoffs() {
    }

    /**
     * The message {@code from} could not take, re-issued now: its QoS is what {@code from} was granted at most, its
     * expiry interval the time it has left.
     */
    static SharedHandoff of(String from, SharedTag tag, QueuedMessage queued, long now) {
        MessageContent content = queued.message();
        Publish message = Publish.newBuilder()
                .setMessageId(content.messageId())
                .setEdgeId("")
                .setClientId("")
                .setTenant(RoutingKeys.tenantOf(tag.group()))
                .setTopic(content.topic())
                .setPayload(ByteBuffer.wrap(content.payload()))
                .setQos(queued.qos())
                .setRetain(queued.retain())
                .setProperties(MessageExpiry.withTimeLeft(content.properties(), queued.expiresAt(), now))
                .setReceivedAt(Instant.ofEpochMilli(now))
                .build();
        return SharedHandoff.newBuilder()
                .setTenant(RoutingKeys.tenantOf(tag.group()))
                .setFilter(RoutingKeys.filterOf(tag.group()))
                .setFromClientId(from)
                .setHops(tag.hops() + 1)
                .setMessage(message)
                .build();
    }

    /** A handed-back message, for the shared-group operator. */
    public static SharedMatch toMatch(SharedHandoff handoff) {
        return new SharedMatch(RoutingKeys.sharedSubscription(handoff.getTenant(), handoff.getFilter()),
                handoff.getMessage(), handoff.getFromClientId(), handoff.getHops());
    }
}
