package io.gull.flink.routing;

import static io.gull.flink.routing.RoutingFixtures.ack;
import static io.gull.flink.routing.RoutingFixtures.command;
import static io.gull.flink.routing.RoutingFixtures.deliveries;
import static io.gull.flink.routing.RoutingFixtures.ended;
import static io.gull.flink.routing.RoutingFixtures.expiring;
import static io.gull.flink.routing.RoutingFixtures.match;
import static io.gull.flink.routing.RoutingFixtures.messageIds;
import static io.gull.flink.routing.RoutingFixtures.offline;
import static io.gull.flink.routing.RoutingFixtures.online;
import static io.gull.flink.routing.RoutingFixtures.onlineNotPersistent;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.gull.flink.auth.EdgeReply;
import io.gull.schemas.avro.Delivery;
import io.gull.schemas.avro.DeliveryAck;
import io.gull.schemas.avro.DeliveryAckKind;
import io.gull.schemas.avro.DeliveryKind;

/**
 * The delivery rules of one session, without Flink: each step builds a {@link SessionQueue} on the state the
 * previous one left, as the delivery operator does per record.
 */
class SessionQueueTest {
    private static final String CLIENT = "sub";
    private static final SharedTag SHARED = new SharedTag(RoutingKeys.sharedSubscription("t", "$share/g/a/+"), 0);

    private final InMemoryQueueStore store = new InMemoryQueueStore();
    private final CountingEvents events = new CountingEvents();
    private RoutingConfig config = new RoutingConfig(100, 1000, 10_000);
    private SessionPresence presence;
    private QueueCounters counters;
    private long now;
    private final List<SessionQueue.Handoff> handedBack = new ArrayList<>();

    @Test
    void shouldSendQos0OnlyWhileOnlineAndNeverQueueIt() {
        // given an offline persistent session
        presence(online(CLIENT, "c1", 10, false));
        presence(offline(CLIENT));

        // when a QoS 0 message arrives, then it is dropped, not queued
        assertThat(offer(match(CLIENT, "m0", 0))).isEmpty();
        assertThat(events.droppedOffline).isEqualTo(1);
        assertThat(store.queue).isEmpty();

        // when the session is back and another arrives, then it is sent at once with seq 0 and no packet id
        presence(online(CLIENT, "c2", 10, true));
        List<Delivery> sent = deliveries(offer(match(CLIENT, "m1", 0)));
        assertThat(sent).singleElement().satisfies(d -> {
            assertThat(d.getSeq()).isZero();
            assertThat(d.getPacketId()).isZero();
            assertThat(d.getQos()).isZero();
            assertThat(d.getConnectionId()).isEqualTo("c2");
        });
        assertThat(store.queue).isEmpty();
    }

    @Test
    void shouldDropQos1WhenThereIsNoSession() {
        // given no presence at all, when a message and a command arrive
        assertThat(offer(match(CLIENT, "m1", 1))).isEmpty();
        assertThat(offer(QueuedMessage.of(command(CLIENT, "cmd1", 1, null)))).isEmpty();

        // then both are dropped and counted
        assertThat(events.droppedNoSession).isEqualTo(2);
        assertThat(store.queue).isEmpty();
    }

    @Test
    void shouldDropQos1ForAnOfflineSessionThatIsNotPersistent() {
        // given
        presence(onlineNotPersistent(CLIENT, "c1"));
        presence(new Presence(CLIENT, Presence.Kind.OFFLINE, null, null, 0, 5, false, false));

        // when
        assertThat(offer(match(CLIENT, "m1", 1))).isEmpty();

        // then
        assertThat(events.droppedNoSession).isEqualTo(1);
    }

    @Test
    void shouldHonourTheWindowAndSendTheNextWhenAnAckFreesASlot() {
        // given a client with Receive Maximum 2
        presence(online(CLIENT, "c1", 2, false));

        // when 4 messages arrive, then only 2 are sent
        List<EdgeReply> sent = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            sent.addAll(offer(match(CLIENT, "m" + i, 1)));
        }
        assertThat(messageIds(sent)).containsExactly("m1", "m2");
        assertThat(counters.inflight()).isEqualTo(2);

        // when the second is acked (out of order), then the third goes
        List<EdgeReply> next = acked(ack(deliveries(sent).get(1), DeliveryAckKind.PUBACK));
        assertThat(messageIds(next)).containsExactly("m3");

        // when the first is acked, then the fourth goes
        assertThat(messageIds(acked(ack(deliveries(sent).get(0), DeliveryAckKind.PUBACK)))).containsExactly("m4");
        assertThat(events.acked).isEqualTo(2);
        assertThat(store.queue).hasSize(2);
    }

    @Test
    void shouldCapTheWindowByMaxInflight() {
        // given
        config = new RoutingConfig(3, 1000, 10_000);
        presence(online(CLIENT, "c1", 65_535, false));

        // when
        List<EdgeReply> sent = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            sent.addAll(offer(match(CLIENT, "m" + i, 2)));
        }

        // then
        assertThat(sent).hasSize(3);
    }

    @Test
    void shouldKeepTheOrderOfArrivalInSeqAndSending() {
        // given
        presence(online(CLIENT, "c1", 1, false));
        List<EdgeReply> sent = new ArrayList<>(offer(match(CLIENT, "m1", 1)));
        offer(match(CLIENT, "m2", 1));
        offer(match(CLIENT, "m3", 1));

        // when each ack lets the next one go
        for (int i = 0; i < 2; i++) {
            sent.addAll(acked(ack(deliveries(sent).get(i), DeliveryAckKind.PUBACK)));
        }

        // then
        assertThat(messageIds(sent)).containsExactly("m1", "m2", "m3");
        assertThat(deliveries(sent)).extracting(Delivery::getSeq).containsExactly(1L, 2L, 3L);
    }

    @Test
    void shouldDropTheOldestUnsentMessageWhenTheQueueIsFull() {
        // given a queue of 3 and a window of 1
        config = new RoutingConfig(1, 3, 10_000);
        presence(online(CLIENT, "c1", 10, false));
        List<EdgeReply> sent = new ArrayList<>(offer(match(CLIENT, "m1", 1))); // in flight
        offer(match(CLIENT, "m2", 1));
        offer(match(CLIENT, "m3", 1));

        // when a fourth arrives
        offer(match(CLIENT, "m4", 1));

        // then m2, the oldest one not sent, is gone; the in-flight m1 stays
        assertThat(events.droppedQueueOverflow).isEqualTo(1);
        assertThat(store.queue).hasSize(3);
        assertThat(store.seqOf("m2")).isNull();

        // and after acks the client gets m1, m3, m4
        sent.addAll(acked(ack(deliveries(sent).get(0), DeliveryAckKind.PUBACK)));
        sent.addAll(acked(ack(deliveries(sent).get(1), DeliveryAckKind.PUBACK)));
        assertThat(messageIds(sent)).containsExactly("m1", "m3", "m4");
    }

    @Test
    void shouldLogAQueueOverflowAtMostOncePerMinutePerSession() {
        // given
        config = new RoutingConfig(1, 1, 10_000);
        presence(offline(CLIENT));
        offer(match(CLIENT, "m1", 1));

        // when it overflows twice within a minute, then the log time is the first one's
        now = 1_000;
        offer(match(CLIENT, "m2", 1));
        now = 30_000;
        offer(match(CLIENT, "m3", 1));
        assertThat(counters.overflowLoggedAt()).isEqualTo(1_000);

        // when it overflows a minute later, then it is logged again
        now = 61_000;
        offer(match(CLIENT, "m4", 1));
        assertThat(counters.overflowLoggedAt()).isEqualTo(61_000);
        assertThat(events.droppedQueueOverflow).isEqualTo(3);
    }

    @Test
    void shouldQueueWhileOfflineAndSendInOrderOnResume() {
        // given a persistent session gone offline
        presence(online(CLIENT, "c1", 10, false));
        presence(offline(CLIENT));

        // when 5 messages arrive, nothing is sent
        for (int i = 1; i <= 5; i++) {
            assertThat(offer(match(CLIENT, "m" + i, 1))).isEmpty();
        }

        // then the resumed session gets all 5, in order, on its new connection
        List<EdgeReply> sent = presence(online(CLIENT, "c2", 10, true));
        assertThat(messageIds(sent)).containsExactly("m1", "m2", "m3", "m4", "m5");
        assertThat(sent).allSatisfy(reply -> assertThat(reply.edgeId()).isEqualTo("edge-c2"));
        assertThat(deliveries(sent)).allSatisfy(d -> assertThat(d.getDup()).isFalse());
    }

    @Test
    void shouldResendSentMessagesWithDupAndPubrecedOnesAsPubrelOnResume() {
        // given two QoS 2 messages sent, the first PUBRECed, and one waiting
        presence(online(CLIENT, "c1", 2, false));
        List<Delivery> first = deliveries(offer(match(CLIENT, "m1", 2)));
        List<Delivery> second = deliveries(offer(match(CLIENT, "m2", 2)));
        offer(match(CLIENT, "m3", 2));
        acked(ack(first.get(0), DeliveryAckKind.PUBREC));

        // when the client reconnects elsewhere and resumes
        presence(offline(CLIENT));
        List<Delivery> resumed = deliveries(presence(online(CLIENT, "c2", 2, true)));

        // then m1 is only PUBRELed, m2 is sent again with DUP and the same packet id, and m3 waits (window 2)
        assertThat(resumed).hasSize(2);
        assertThat(resumed.get(0).getKind()).isEqualTo(DeliveryKind.PUBREL);
        assertThat(resumed.get(0).getMessageId()).isEqualTo("m1");
        assertThat(resumed.get(0).getPacketId()).isEqualTo(first.get(0).getPacketId());
        assertThat(resumed.get(0).getPayload().remaining()).isZero();
        assertThat(resumed.get(1).getKind()).isEqualTo(DeliveryKind.PUBLISH);
        assertThat(resumed.get(1).getMessageId()).isEqualTo("m2");
        assertThat(resumed.get(1).getDup()).isTrue();
        assertThat(resumed.get(1).getPacketId()).isEqualTo(second.get(0).getPacketId());
        assertThat(resumed).allSatisfy(d -> assertThat(d.getConnectionId()).isEqualTo("c2"));
        assertThat(events.resent).isEqualTo(2);

        // when PUBCOMP ends m1, then m3 goes
        assertThat(messageIds(acked(ack(first.get(0), DeliveryAckKind.PUBCOMP)))).containsExactly("m3");
    }

    @Test
    void shouldDropTheQueueWhenTheClientStartsANewSession() {
        // given
        presence(online(CLIENT, "c1", 10, false));
        presence(offline(CLIENT));
        offer(match(CLIENT, "m1", 1));

        // when it connects with clean start
        List<EdgeReply> sent = presence(online(CLIENT, "c2", 10, false));

        // then nothing of the old session is sent, and new messages still are
        assertThat(sent).isEmpty();
        assertThat(store.queue).isEmpty();
        assertThat(messageIds(offer(match(CLIENT, "m2", 1)))).containsExactly("m2");
    }

    @Test
    void shouldForgetEverythingWhenTheSessionEnds() {
        // given
        presence(online(CLIENT, "c1", 10, false));
        offer(match(CLIENT, "m1", 1));

        // when
        SessionQueue session = session();
        session.presence(ended(CLIENT), now);

        // then
        assertThat(session.ended()).isTrue();
        assertThat(session.presence()).isNull();
        assertThat(store.queue).isEmpty();
        assertThat(store.seqByMessageId).isEmpty();
        assertThat(store.seqByPacketId).isEmpty();
    }

    @Test
    void shouldFindTheMessageByItsIdWhenTheAckedSeqDoesNotMatch() {
        // given m1 sent with seq 1
        presence(online(CLIENT, "c1", 10, false));
        Delivery m1 = deliveries(offer(match(CLIENT, "m1", 1))).get(0);

        // when an ack names another seq (e.g. one from before a restore)
        acked(ack(99, m1.getMessageId(), DeliveryAckKind.PUBACK));

        // then m1 is done all the same
        assertThat(store.queue).isEmpty();
        assertThat(counters.inflight()).isZero();
    }

    @Test
    void shouldIgnoreAnAckOfNothingInFlight() {
        // given m1 sent, m2 waiting
        presence(online(CLIENT, "c1", 1, false));
        Delivery m1 = deliveries(offer(match(CLIENT, "m1", 1))).get(0);
        offer(match(CLIENT, "m2", 1));

        // when acks arrive for an unknown message, for the waiting one, and twice for m1
        acked(ack(5, "ghost", DeliveryAckKind.PUBACK));
        acked(ack(2, "m2", DeliveryAckKind.PUBACK));
        acked(ack(m1, DeliveryAckKind.PUBACK));
        acked(ack(m1, DeliveryAckKind.PUBACK));

        // then only the first ack of m1 counts, and m2 is still to be acked
        assertThat(events.acked).isEqualTo(1);
        assertThat(events.unknownAcks).isEqualTo(3);
        assertThat(counters.inflight()).isEqualTo(1);
        assertThat(store.queue).containsOnlyKeys(2L);
    }

    @Test
    void shouldNeverUseAPacketIdThatIsStillInFlight() {
        // given a message sent with packet id 1 and never acked
        presence(online(CLIENT, "c1", 65_535, false));
        config = new RoutingConfig(10, 1000, 10_000);
        Delivery stuck = deliveries(offer(match(CLIENT, "stuck", 1))).get(0);
        assertThat(stuck.getPacketId()).isEqualTo(1);

        // when more than 65535 messages come and go after it
        Set<Integer> used = new HashSet<>();
        for (int i = 0; i < 70_000; i++) {
            Delivery d = deliveries(offer(match(CLIENT, "m" + i, 1))).get(0);
            used.add(d.getPacketId());
            acked(ack(d, DeliveryAckKind.PUBACK));
        }

        // then packet id 1 was never given out again, and the ids stayed within 1-65535
        assertThat(used).doesNotContain(1).allSatisfy(id -> assertThat(id).isBetween(1, 65_535));
        assertThat(used).hasSize(65_534);
    }

    @Test
    void shouldDropAnExpiredMessageBeforeSendingAndSendTheTimeLeftOtherwise() {
        // given an offline session and two messages expiring 10 s and 100 s after they were received at 0
        presence(online(CLIENT, "c1", 10, false));
        presence(offline(CLIENT));
        offer(new Match(CLIENT, expiring(match(CLIENT, "short", 1).message(), 0, 10), 1, false, List.of()));
        offer(new Match(CLIENT, expiring(match(CLIENT, "long", 1).message(), 0, 100), 1, false, List.of()));

        // when the client comes back 30.5 s later
        now = 30_500;
        List<Delivery> sent = deliveries(presence(online(CLIENT, "c2", 10, true)));

        // then only the long-lived one is sent, with 70 s left (rounded up)
        assertThat(sent).singleElement().satisfies(d -> {
            assertThat(d.getMessageId()).isEqualTo("long");
            assertThat(d.getProperties()).containsEntry(MessageExpiry.PROPERTY, "70");
        });
        assertThat(events.droppedExpired).isEqualTo(1);
        assertThat(store.seqOf("short")).isNull();
    }

    @Test
    void shouldDropAMessageThatArrivesExpired() {
        presence(online(CLIENT, "c1", 10, false));
        now = 20_000;

        assertThat(offer(new Match(CLIENT, expiring(match(CLIENT, "old", 1).message(), 0, 10), 1, false, List.of())))
                .isEmpty();
        assertThat(events.droppedExpired).isEqualTo(1);
    }

    @Test
    void shouldQueueACommandForAnOfflineSessionUntilItExpires() {
        // given
        presence(online(CLIENT, "c1", 10, false));
        presence(offline(CLIENT));

        // when two commands are queued, one expiring at 5 s, one at 60 s
        offer(QueuedMessage.of(command(CLIENT, "cmd-short", 1, 5_000L)));
        offer(QueuedMessage.of(command(CLIENT, "cmd-long", 1, 60_000L)));
        now = 10_000;

        // then the client gets the live one only, as a message with the command's id, topic and QoS
        List<Delivery> sent = deliveries(presence(online(CLIENT, "c2", 10, true)));
        assertThat(sent).singleElement().satisfies(d -> {
            assertThat(d.getMessageId()).isEqualTo("cmd-long");
            assertThat(d.getTopic()).isEqualTo("commands/" + CLIENT);
            assertThat(d.getQos()).isEqualTo(1);
            assertThat(RoutingFixtures.text(d.getPayload())).isEqualTo("reboot");
            assertThat(d.getProperties()).containsEntry(MessageExpiry.PROPERTY, "50");
        });
    }

    @Test
    void shouldQueueAMessageIdOnlyOnce() {
        // given a message queued (e.g. a live match) while offline
        presence(online(CLIENT, "c1", 10, false));
        presence(offline(CLIENT));
        offer(match(CLIENT, "m1", 1));

        // when the same message arrives again (e.g. as the retained message of a new subscription)
        offer(match(CLIENT, "m1", 1));

        // then it is delivered once
        assertThat(messageIds(presence(online(CLIENT, "c2", 10, true)))).containsExactly("m1");
        assertThat(events.duplicates).isEqualTo(1);
    }

    @Test
    void shouldCarryTheSubscriptionIdsAndRetainFlagOfTheMatch() {
        presence(online(CLIENT, "c1", 10, false));
        Match retained = new Match(CLIENT, match(CLIENT, "r1", 1).message(), 1, true, List.of(3, 4));

        assertThat(deliveries(offer(retained))).singleElement().satisfies(d -> {
            assertThat(d.getRetain()).isTrue();
            assertThat(d.getSubscriptionIds()).containsExactly(3, 4);
            assertThat(d.getQueue()).isNull();
        });
    }

    @Test
    void shouldHandBackTheSharedMessagesItHasNotPubrecedWhenTheMemberGoesOffline() {
        // given an online member with two shared messages in flight (one PUBRECed) and one of its own
        presence(online(CLIENT, "c1", 10, false));
        List<Delivery> sent = new ArrayList<>(deliveries(offer(shared(match(CLIENT, "s1", 2)))));
        sent.addAll(deliveries(offer(shared(match(CLIENT, "s2", 1)))));
        sent.addAll(deliveries(offer(match(CLIENT, "own", 1))));
        acked(ack(sent.get(0), DeliveryAckKind.PUBREC));

        // when it goes offline
        presence(offline(CLIENT));

        // then the unreceived shared one is handed back; the PUBRECed one and its own stay for its return
        assertThat(handedBack).extracting(h -> h.message().messageId()).containsExactly("s2");
        assertThat(handedBack.get(0).tag()).isEqualTo(SHARED);
        assertThat(store.queue.values()).extracting(QueuedMessage::messageId).containsExactlyInAnyOrder("s1", "own");
        assertThat(store.sharedTags).hasSize(1);

        // and on its return the window has room for what is left: the own message is resent, s1 released
        List<EdgeReply> resumed = presence(online(CLIENT, "c2", 1, true));
        assertThat(deliveries(resumed)).extracting(Delivery::getMessageId).containsExactly("s1", "own");
    }

    @Test
    void shouldHandBackASharedMessageForAClientWithoutASessionInsteadOfDroppingIt() {
        assertThat(offer(shared(match(CLIENT, "s1", 1)))).isEmpty();

        assertThat(handedBack).extracting(h -> h.message().messageId()).containsExactly("s1");
        assertThat(events.droppedNoSession).isZero();
    }

    @Test
    void shouldHandBackQueuedSharedMessagesWhenTheSessionEnds() {
        presence(online(CLIENT, "c1", 1, false));
        offer(shared(match(CLIENT, "s1", 1)));
        offer(shared(match(CLIENT, "s2", 1)));

        presence(ended(CLIENT));

        assertThat(handedBack).extracting(h -> h.message().messageId()).containsExactly("s1", "s2");
        assertThat(store.queue).isEmpty();
    }

    private static Match shared(Match match) {
        return new Match(match.clientId(), match.message(), match.qos(), match.retain(), match.subscriptionIds(),
                SHARED);
    }

    private List<EdgeReply> offer(Match match) {
        SessionQueue session = session();
        session.offer(QueuedMessage.of(match), match.shared(), now);
        return keep(session);
    }

    private List<EdgeReply> offer(QueuedMessage message) {
        SessionQueue session = session();
        session.offer(message, now);
        return keep(session);
    }

    private List<EdgeReply> acked(DeliveryAck ack) {
        SessionQueue session = session();
        session.acked(List.of(ack), now);
        return keep(session);
    }

    private List<EdgeReply> presence(Presence change) {
        SessionQueue session = session();
        session.presence(change, now);
        return keep(session);
    }

    private SessionQueue session() {
        return new SessionQueue(CLIENT, presence, counters, store, config, events);
    }

    private List<EdgeReply> keep(SessionQueue session) {
        handedBack.addAll(session.handoffs());
        presence = session.presence();
        counters = session.counters();
        return session.replies();
    }
}
