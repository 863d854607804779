package io.gull.edge.mqtt;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.gull.schemas.avro.Delivery;
import io.gull.schemas.avro.DeliveryAck;
import io.gull.schemas.avro.DeliveryAckKind;
import io.gull.schemas.avro.DeliveryKind;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttReasonCodes;

/**
 * Deliveries to one connection (MQTT 4.3): writes the PUBLISH (or PUBREL) the sessions job asked for, with the
 * packet id it chose, tracks it in flight by packet id until the client's PUBACK / PUBREC / PUBCOMP, and reports
 * every acknowledgement to the job ({@link AckBatcher}). A second delivery of a message already in flight on this
 * connection is ignored; one already completed here (the last {@value #COMPLETED_REMEMBERED}) is acked again at
 * once without sending. A delivery whose packet id is still in use here by another message waits until the client
 * frees it. QoS 0 is dropped while the client does not read; QoS 1/2 are written anyway (the job
 * bounds them by its window). A PUBLISH larger than the client's Maximum Packet Size is discarded and reported
 * as done (5.0 section 3.1.2.11.4). Runs on the connection's event loop.
 */
final class OutboundDeliveries {
    private static final Logger log = LoggerFactory.getLogger(OutboundDeliveries.class);
    static final int COMPLETED_REMEMBERED = 2_000;

    private enum Stage { AWAITING_PUBACK, AWAITING_PUBREC, AWAITING_PUBCOMP }

    private static final class InFlight {
        final Delivery delivery;
        Stage stage;
        /** The job has the PUBREC (or this is a PUBREL delivery): PUBREL may go out. */
        boolean pubrecStored;

        InFlight(Delivery delivery, Stage stage) {
            this.delivery = delivery;
            this.stage = stage;
        }
    }

    private final ChannelHandlerContext ctx;
    private final ClientSession session;
    private final AckBatcher acks;
    private final DeliveryCounters counters;
    private final Map<Integer, InFlight> inflight = new HashMap<>();
    private final Set<String> inflightMessages = new HashSet<>();
    /** Deliveries waiting for their packet id, in use by another message on this connection, to be free. */
    private final Map<Integer, Deque<Delivery>> held = new HashMap<>();
    private boolean badPacketIdLogged;
    /** messageId -> the ack that completed it, oldest first, bounded. */
    private final LinkedHashMap<String, DeliveryAck> completed = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, DeliveryAck> eldest) {
            return size() > COMPLETED_REMEMBERED;
        }
    };

    OutboundDeliveries(ChannelHandlerContext ctx, ClientSession session, AckBatcher acks, DeliveryCounters counters) {
        this.ctx = ctx;
        this.session = session;
        this.acks = acks;
        this.counters = counters;
    }

    void deliver(Delivery delivery) {
        if (delivery.getKind() == DeliveryKind.UNKNOWN) {
            log.debug("Ignoring delivery {} of an unknown kind for client {}", delivery.getMessageId(),
                    session.clientId());
            return;
        }
        boolean pubrel = delivery.getKind() == DeliveryKind.PUBREL;
        if (!pubrel && delivery.getQos() <= 0) {
            deliverQos0(delivery);
            return;
        }
        if (delivery.getPacketId() < 1 || delivery.getPacketId() > 65_535) {
            // MQTT-2.2.1-3: QoS 1/2 need a packet id 1-65535; the job chose none, so nothing can be acknowledged
            if (!badPacketIdLogged) {
                badPacketIdLogged = true;
                log.warn("Dropping delivery {} to client {}: packet id {} is not 1-65535 (a sessions job bug; logged "
                        + "once per connection)", delivery.getMessageId(), session.clientId(), delivery.getPacketId());
            }
            return;
        }
        String messageId = delivery.getMessageId();
        if (inflightMessages.contains(messageId)) {
            counters.duplicateIgnored();
            log.debug("Ignoring a second delivery of {} to client {}: in flight", messageId, session.clientId());
            return;
        }
        DeliveryAck done = completed.get(messageId);
        if (done != null) {
            counters.duplicateIgnored();
            acks.add(done); // the job missed the ack (e.g. batch lost): tell it again
            return;
        }
        if (inflight.containsKey(delivery.getPacketId())) {
            // The job picked an id this connection still uses for another message: after the job restored a
            // checkpoint its window lags this edge's. Sending it now would reuse an id in use (MQTT-2.2.1-3) and a
            // QoS 2 client would take it for a resend of the other message and drop it: hold it until the id is free.
            held.computeIfAbsent(delivery.getPacketId(), id -> new ArrayDeque<>()).addLast(delivery);
            counters.packetIdInUse();
            return;
        }
        Stage stage = pubrel ? Stage.AWAITING_PUBCOMP
                : delivery.getQos() == 1 ? Stage.AWAITING_PUBACK : Stage.AWAITING_PUBREC;
        MqttPublishMessage publish = pubrel ? null : DeliveryPackets.publish(delivery, session.isV5());
        InFlight entry = new InFlight(delivery, stage);
        entry.pubrecStored = pubrel;
        inflight.put(delivery.getPacketId(), entry);
        inflightMessages.add(messageId);
        if (pubrel) {
            ctx.writeAndFlush(MqttReplies.pubRel(delivery.getPacketId(), (byte) 0));
        } else if (tooLarge(publish)) {
            // 5.0 section 3.1.2.11.4: discard it and behave as if it had been sent and acknowledged
            publish.release();
            finish(delivery.getPacketId(), entry, stage == Stage.AWAITING_PUBACK
                    ? DeliveryAckKind.PUBACK : DeliveryAckKind.PUBCOMP);
        } else {
            ctx.writeAndFlush(publish);
        }
    }

    private boolean tooLarge(MqttPublishMessage publish) {
        if (session.maximumPacketSize() >= ClientSession.NO_PACKET_LIMIT
                || DeliveryPackets.size(publish) <= session.maximumPacketSize()) {
            return false;
        }
        counters.discardedTooLarge();
        log.debug("Discarding a delivery to client {}: {} bytes exceed its Maximum Packet Size {}",
                session.clientId(), DeliveryPackets.size(publish), session.maximumPacketSize());
        return true;
    }

    private void deliverQos0(Delivery delivery) {
        if (!ctx.channel().isWritable()) {
            counters.qos0Dropped();
            log.trace("Dropping QoS 0 delivery to client {}: it does not read", session.clientId());
            return;
        }
        MqttPublishMessage publish = DeliveryPackets.publish(delivery, session.isV5());
        if (tooLarge(publish)) {
            publish.release();
            return;
        }
        ctx.writeAndFlush(publish);
    }

    /** Client PUBACK (QoS 1 done). Unknown packet ids are ignored. */
    void onPubAck(MqttMessage pubAck) {
        int packetId = MqttReplies.packetId(pubAck);
        InFlight entry = inflight.get(packetId);
        if (entry == null || entry.stage != Stage.AWAITING_PUBACK) {
            log.debug("Ignoring PUBACK {} of client {}: nothing awaits it", packetId, session.clientId());
            return;
        }
        finish(packetId, entry, DeliveryAckKind.PUBACK);
    }

    /**
     * Client PUBREC: the client has the QoS 2 message; PUBREL follows. A 5.0 PUBREC with an error code (>= 0x80)
     * ends the flow without PUBREL (MQTT 5 section 4.3.3), reported as done. Unknown id: 5.0 PUBREL 0x92.
     */
    void onPubRec(MqttMessage pubRec) {
        int packetId = MqttReplies.packetId(pubRec);
        InFlight entry = inflight.get(packetId);
        if (entry == null || entry.stage == Stage.AWAITING_PUBACK) {
            if (session.isV5()) {
                ctx.writeAndFlush(MqttReplies.pubRel(packetId,
                        MqttReasonCodes.PubRel.PACKET_IDENTIFIER_NOT_FOUND.byteValue()));
            }
            return;
        }
        if ((MqttReplies.reasonCode(pubRec) & 0xFF) >= 0x80) {
            finish(packetId, entry, DeliveryAckKind.PUBCOMP);
            return;
        }
        if (entry.stage == Stage.AWAITING_PUBREC) {
            entry.stage = Stage.AWAITING_PUBCOMP;
            // PUBREL only once the job can know the client has the message: after PUBREL the client forgets the
            // packet id, and a resend of the PUBLISH (were the PUBREC lost with this edge) would be a new message
            acks.add(ack(entry.delivery, DeliveryAckKind.PUBREC), () -> {
                entry.pubrecStored = true;
                if (inflight.get(packetId) == entry) {
                    ctx.writeAndFlush(MqttReplies.pubRel(packetId, (byte) 0));
                }
            });
        } else if (entry.pubrecStored) {
            ctx.writeAndFlush(MqttReplies.pubRel(packetId, (byte) 0)); // again for a repeated PUBREC
        }
    }

    /** Client PUBCOMP (QoS 2 done). Unknown packet ids are ignored. */
    void onPubComp(MqttMessage pubComp) {
        int packetId = MqttReplies.packetId(pubComp);
        InFlight entry = inflight.get(packetId);
        if (entry == null || entry.stage != Stage.AWAITING_PUBCOMP) {
            log.debug("Ignoring PUBCOMP {} of client {}: nothing awaits it", packetId, session.clientId());
            return;
        }
        finish(packetId, entry, DeliveryAckKind.PUBCOMP);
    }

    private void finish(int packetId, InFlight entry, DeliveryAckKind kind) {
        inflight.remove(packetId);
        releaseHeld(packetId);
        String messageId = entry.delivery.getMessageId();
        inflightMessages.remove(messageId);
        DeliveryAck ack = ack(entry.delivery, kind);
        completed.put(messageId, ack);
        acks.add(ack);
    }

    /** Sends the deliveries that waited for {@code packetId}, now free, in the order they came. */
    private void releaseHeld(int packetId) {
        Deque<Delivery> waiting = held.remove(packetId);
        if (waiting == null) {
            return;
        }
        while (!waiting.isEmpty() && !inflight.containsKey(packetId)) {
            deliver(waiting.pollFirst()); // a duplicate leaves the id free for the next one
        }
        if (!waiting.isEmpty()) {
            held.put(packetId, waiting);
        }
    }

    private static DeliveryAck ack(Delivery delivery, DeliveryAckKind kind) {
        return DeliveryAck.newBuilder()
                .setSeq(delivery.getSeq())
                .setMessageId(delivery.getMessageId())
                .setKind(kind)
                .setQueue(delivery.getQueue())
                .build();
    }

    int inflight() {
        return inflight.size();
    }
}
