package io.gull.flink.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.gull.flink.auth.EdgeReply;
import io.gull.schemas.avro.DeliveryAck;
import io.gull.schemas.avro.DeliveryKind;

/**
 * The delivery rules of one session (docs/pubsub.md, "Delivery operator"), on its loaded state. One instance per
 * input record: the caller loads presence and counters, applies one input, then saves {@link #presence()} and
 * {@link #counters()} (or clears everything when {@link #ended()}) and sends {@link #replies()} in order.
 * <ul>
 *   <li>QoS 0: sent while online, never queued.</li>
 *   <li>QoS 1/2: queued (seq increasing) while the session is online or offline-persistent, else dropped; sent in
 *       seq order while online and fewer than min(Receive Maximum, max-inflight, max-queued) are in flight, each
 *       with a packet id 1-65535 no in-flight message uses.</li>
 *   <li>The queue holds at most max-queued messages, sent ones included: beyond it the oldest waiting one is
 *       dropped (counted, logged at most once a minute per session).</li>
 *   <li>PUBACK/PUBCOMP remove the message, PUBREC marks it RECEIVED; a freed slot sends the next one.</li>
 *   <li>ONLINE resumed: every SENT message again with DUP and its packet id, every RECEIVED one as PUBREL, in seq
 *       order, then the window fills. ONLINE not resumed: a new session, the old queue is dropped. OFFLINE keeps
 *       the queue. ENDED clears everything.</li>
 *   <li>An expired message is dropped before it is sent; one sent carries the seconds it has left.</li>
 *   <li>A message that came through a shared subscription ({@link SharedTag}) and is not PUBRECed yet is handed
 *       back ({@link #handoffs()}) when the session goes offline, ends or starts anew, or when it arrives for a
 *       client without a session that could queue it: the shared-group operator gives it to another member.</li>
 * </ul>
 */
final class SessionQueue {
    private static final Logger LOG = LoggerFactory.getLogger(SessionQueue.class);
    static final long OVERFLOW_LOG_INTERVAL_MS = 60_000;

    private final String clientId;
    private final QueueStore store;
    private final RoutingConfig config;
    private final DeliveryEvents events;
    private final List<EdgeReply> replies = new ArrayList<>();
    private final List<Handoff> handoffs = new ArrayList<>();
    private SessionPresence presence;
    private long nextSeq;
    private long nextToSend;
    private int inflight;
    private int nextPacketId;
    private long overflowLoggedAt;
    private boolean ended;

    /**
     * @param presence null when the delivery operator knows no session of this client
     * @param counters null when the session has no queue yet
     */
    SessionQueue(String clientId, SessionPresence presence, QueueCounters counters, QueueStore store,
            RoutingConfig config, DeliveryEvents events) {
        this.clientId = clientId;
        this.presence = presence;
        this.store = store;
        this.config = config;
        this.events = events;
        QueueCounters loaded = counters == null ? QueueCounters.EMPTY : counters;
        nextSeq = loaded.nextSeq();
        nextToSend = loaded.nextToSend();
        inflight = loaded.inflight();
        nextPacketId = loaded.nextPacketId();
        overflowLoggedAt = loaded.overflowLoggedAt();
    }

    /** A shared subscription's message to hand to another member. */
    record Handoff(SharedTag tag, QueuedMessage message) {
    }

    /** A message for this session: a Match of its own subscriptions or a command. */
    void offer(QueuedMessage message, long now) {
        offer(message, null, now);
    }

    /** A message for this session, {@code shared} when it came through a shared subscription (else null). */
    void offer(QueuedMessage message, SharedTag shared, long now) {
        boolean canQueue = presence != null && (presence.online() || presence.persistent());
        if (shared != null && !canQueue && !message.isExpired(now)) {
            handoffs.add(new Handoff(shared, message));
            return;
        }
        if (presence == null) {
            events.droppedNoSession();
            return;
        }
        if (message.isExpired(now)) {
            events.droppedExpired();
            return;
        }
        if (message.qos() == 0) {
            if (presence.online()) {
                reply(0, message, false, DeliveryKind.PUBLISH, now);
                events.sent();
            } else {
                events.droppedOffline();
            }
            return;
        }
        if (!presence.online() && !presence.persistent()) {
            events.droppedNoSession();
            return;
        }
        if (store.seqOf(message.messageId()) != null) {
            events.duplicate();
            return;
        }
        long seq = nextSeq++;
        store.put(seq, message);
        store.index(message.messageId(), seq);
        if (shared != null) {
            store.tagShared(seq, shared);
        }
        events.queued();
        dropOverflow(now);
        fillWindow(now);
    }

    /** The client's acknowledgements, in the order it sent them. */
    void acked(List<DeliveryAck> acks, long now) {
        for (DeliveryAck ack : acks) {
            apply(ack);
        }
        fillWindow(now);
    }

    /** Where the session is now. */
    void presence(Presence change, long now) {
        switch (change.kind()) {
            case ONLINE -> {
                if (!change.resumed()) {
                    handOffShared();
                    dropQueue(); // a new session: nothing of an earlier one is delivered
                }
                presence = SessionPresence.online(change);
                if (change.resumed()) {
                    resendInFlight(now);
                }
                fillWindow(now);
            }
            case OFFLINE -> {
                handOffShared();
                presence = presence == null
                        ? new SessionPresence(change.edgeId(), change.connectionId(), change.receiveMaximum(), false,
                                change.persistent())
                        : presence.offline(change.persistent());
            }
            case ENDED -> {
                handOffShared();
                dropQueue();
                presence = null;
                ended = true;
            }
            default -> throw new IllegalArgumentException("unknown presence " + change.kind());
        }
    }

    /** The session as it is now, null when there is none. */
    SessionPresence presence() {
        return presence;
    }

    QueueCounters counters() {
        return new QueueCounters(nextSeq, nextToSend, inflight, nextPacketId, overflowLoggedAt);
    }

    /** True when the session ended: all its state is to be cleared. */
    boolean ended() {
        return ended;
    }

    /** Shared subscriptions' messages to hand to other members. */
    List<Handoff> handoffs() {
        return handoffs;
    }

    /** What to send to the session's edge, in order. */
    List<EdgeReply> replies() {
        return replies;
    }

    /** At most this many QoS 1/2 messages are in flight. */
    int window() {
        int receiveMaximum = presence == null || presence.receiveMaximum() <= 0
                ? PacketIds.MAX : presence.receiveMaximum();
        return Math.min(receiveMaximum, Math.min(config.maxInflight(), config.maxQueued()));
    }

    private void apply(DeliveryAck ack) {
        Long seq = locate(ack);
        if (seq == null) {
            events.unknownAck();
            return;
        }
        QueuedMessage message = store.get(seq);
        switch (ack.getKind()) {
            case PUBACK, PUBCOMP -> {
                forget(seq, message);
                inflight--;
                events.acked();
            }
            case PUBREC -> {
                if (message.state() == QueuedState.SENT) {
                    store.put(seq, message.received());
                }
                events.acked();
            }
            default -> events.unknownAck();
        }
    }

    /** The seq of the in-flight message an ack is for: by its seq when the messageId agrees, else by messageId. */
    private Long locate(DeliveryAck ack) {
        QueuedMessage bySeq = store.get(ack.getSeq());
        if (bySeq != null && bySeq.inFlight() && bySeq.messageId().equals(ack.getMessageId())) {
            return ack.getSeq();
        }
        Long seq = store.seqOf(ack.getMessageId());
        if (seq == null) {
            return null;
        }
        QueuedMessage byId = store.get(seq);
        return byId != null && byId.inFlight() ? seq : null;
    }

    /** Takes every shared subscription's message the client has not PUBRECed out of the queue, to hand it on. */
    private void handOffShared() {
        List<Map.Entry<Long, QueuedMessage>> entries = new ArrayList<>(store.entries());
        entries.sort(Comparator.comparingLong(Map.Entry::getKey));
        for (Map.Entry<Long, QueuedMessage> entry : entries) {
            QueuedMessage message = entry.getValue();
            SharedTag tag = message.state() == QueuedState.RECEIVED ? null : store.sharedTag(entry.getKey());
            if (tag != null) {
                if (message.state() == QueuedState.SENT) {
                    inflight--;
                }
                forget(entry.getKey(), message);
                handoffs.add(new Handoff(tag, message));
            }
        }
    }

    private void resendInFlight(long now) {
        List<Map.Entry<Long, QueuedMessage>> inFlight = new ArrayList<>();
        for (Map.Entry<Long, QueuedMessage> entry : store.entries()) {
            if (entry.getValue().inFlight()) {
                inFlight.add(entry);
            }
        }
        inFlight.sort(Comparator.comparingLong(Map.Entry::getKey));
        for (Map.Entry<Long, QueuedMessage> entry : inFlight) {
            QueuedMessage message = entry.getValue();
            if (message.state() == QueuedState.RECEIVED) {
                reply(entry.getKey(), message, false, DeliveryKind.PUBREL, now);
            } else {
                reply(entry.getKey(), message, true, DeliveryKind.PUBLISH, now);
            }
            events.resent();
        }
    }

    private void fillWindow(long now) {
        if (presence == null || !presence.online()) {
            return;
        }
        int window = window();
        while (inflight < window && nextToSend < nextSeq) {
            long seq = nextToSend++;
            QueuedMessage message = store.get(seq);
            if (message == null) {
                continue;
            }
            if (message.isExpired(now)) {
                forget(seq, message);
                events.droppedExpired();
                continue;
            }
            int packetId = freePacketId();
            QueuedMessage sent = message.sent(packetId);
            store.put(seq, sent);
            store.holdPacketId(packetId, seq);
            inflight++;
            reply(seq, sent, false, DeliveryKind.PUBLISH, now);
            events.sent();
        }
    }

    private void dropOverflow(long now) {
        int dropped = 0;
        while (inflight + (nextSeq - nextToSend) > config.maxQueued() && nextToSend < nextSeq) {
            long seq = nextToSend++;
            QueuedMessage oldest = store.get(seq);
            if (oldest != null) {
                forget(seq, oldest);
                dropped++;
                events.droppedQueueOverflow();
            }
        }
        boolean logDue = overflowLoggedAt == QueueCounters.NEVER || now - overflowLoggedAt >= OVERFLOW_LOG_INTERVAL_MS;
        if (dropped > 0 && logDue) {
            overflowLoggedAt = now;
            LOG.warn("Queue of session {} is full ({} messages, --session.max-queued): dropped the oldest waiting "
                    + "message (counted in droppedQueueOverflow; logged at most once a minute per session)",
                    clientId, config.maxQueued());
        }
    }

    /** A packet id no in-flight message uses (one exists: fewer than 65535 are in flight when this is called). */
    private int freePacketId() {
        int id = PacketIds.firstFree(nextPacketId, candidate -> store.packetIdOwner(candidate) != null);
        if (id < 0) {
            throw new IllegalStateException("no free packet id for " + clientId + ": " + inflight + " in flight");
        }
        nextPacketId = PacketIds.after(id);
        return id;
    }

    private void forget(long seq, QueuedMessage message) {
        store.remove(seq);
        Long indexed = store.seqOf(message.messageId());
        if (indexed != null && indexed == seq) {
            store.unindex(message.messageId());
        }
        if (message.packetId() != 0) {
            Long owner = store.packetIdOwner(message.packetId());
            if (owner != null && owner == seq) {
                store.releasePacketId(message.packetId());
            }
        }
    }

    /** Drops every message; seqs and packet ids keep counting, so late acks of the old ones match nothing. */
    private void dropQueue() {
        store.clear();
        nextToSend = nextSeq;
        inflight = 0;
    }

    private void reply(long seq, QueuedMessage message, boolean dup, DeliveryKind kind, long now) {
        replies.add(Deliveries.of(clientId, presence, seq, message, dup, kind, now));
    }
}
