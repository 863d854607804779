package io.gull.devstack.e2e;

import static io.gull.devstack.e2e.PubSubFixture.edgeA;
import static io.gull.devstack.e2e.PubSubFixture.edgeB;
import static io.gull.devstack.e2e.PubSubFixture.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * A subscriber that never acknowledges holds up no one but itself: the sessions job sends it at most its Receive
 * Maximum of QoS 1 messages, queues at most {@code --session.max-queued} (default 1,000, sent ones included) for it
 * and drops the oldest waiting ones beyond that (docs/pubsub.md, "Delivery operator"), while the publisher gets every
 * PUBACK and another subscriber every message.
 */
class SlowSubscriberTest {
    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final int RECEIVE_MAXIMUM = 10;
    /** The sessions job's default --session.max-queued, which the shared stack keeps. */
    private static final int MAX_QUEUED = 1_000;
    private static final int PUBLISHED = 2_000;
    private static final long SESSION_EXPIRY_SECONDS = 600;

    @Test
    void shouldBoundWhatASubscriberThatNeverAcksIsSentAndQueuedWhileThePublisherAndOtherSubscribersCarryOn()
            throws Exception {
        String prefix = unique("slow-sub");
        String data = prefix + "/data";
        String slowId = unique("never-acks");
        List<String> sent = IntStream.range(0, PUBLISHED).mapToObj(i -> "m-" + i).toList();
        try (V5Client publisher = V5Client.connect(edgeA(), unique("pub"), true, 0);
                V5Client steady = V5Client.connect(edgeB(), unique("steady"), true, 0)) {
            // given a QoS 1 subscriber on edge B with Receive Maximum 10 and a persistent session that reads every
            // PUBLISH but never sends PUBACK, and a normal QoS 1 subscriber to the same topics on the same edge
            RawV5Client slow = RawV5Client.connect(edgeB(),
                    new RawV5Client.Options(slowId, true, SESSION_EXPIRY_SECONDS, RECEIVE_MAXIMUM, null, false));
            try {
                slow.subscribe(prefix + "/#", 1);
                steady.subscribe(prefix + "/#", 1);
                awaitBothSubscribed(publisher, slow, steady, prefix + "/probe");
                long droppedBefore = droppedQueueOverflow();

                // when a publisher on edge A publishes 2,000 QoS 1 messages, one after the other
                assertTimeoutPreemptively(Duration.ofMinutes(10), () -> {
                    for (String payload : sent) {
                        publisher.publish(data, payload, 1, false); // returns once PUBACKed
                    }
                }, "the publisher got a PUBACK for every message");

                // then the normal subscriber gets every message, in order
                await().atMost(WAIT).until(() -> steady.messagesOn(data).size() >= PUBLISHED);
                assertThat(steady.payloadsOn(data)).containsExactlyElementsOf(sent);

                // and the subscriber that never acks got its window's worth and nothing more: the first ten, once
                await().atMost(WAIT).until(() -> slow.payloadsOn(data).size() >= RECEIVE_MAXIMUM);
                assertThat(slow.payloadsOn(data)).containsExactlyElementsOf(sent.subList(0, RECEIVE_MAXIMUM));

                // and the job counted the messages it dropped from its full queue
                await().atMost(WAIT).pollInterval(Duration.ofSeconds(2)).until(
                        () -> droppedQueueOverflow() - droppedBefore >= PUBLISHED - (RECEIVE_MAXIMUM + MAX_QUEUED));

                // and edge B still serves everyone else: a new subscriber there gets what is published
                try (V5Client newcomer = V5Client.connect(edgeB(), unique("newcomer"), true, 0)) {
                    newcomer.subscribe(prefix + "/later", 1);
                    Routes.awaitActive(publisher, newcomer, prefix + "/later");
                }
                assertThat(steady.isConnected()).isTrue();
            } finally {
                slow.close(); // its connection is lost; the session stays, with what it queued
            }

            // when the slow subscriber comes back, now acknowledging, and resumes its session
            try (RawV5Client back = RawV5Client.connect(edgeA(),
                    new RawV5Client.Options(slowId, false, SESSION_EXPIRY_SECONDS, RECEIVE_MAXIMUM, null, true))) {
                assertThat(back.sessionPresent()).isTrue();

                // then it gets the newest message last
                await().atMost(WAIT).until(() -> back.payloadsOn(data).contains(sent.get(PUBLISHED - 1)));
                List<RawV5Client.Received> again = back.received().stream().filter(m -> m.topic().equals(data))
                        .toList();

                // and no more than its window and its queue held: the oldest waiting messages were dropped
                assertThat(again).hasSizeLessThanOrEqualTo(RECEIVE_MAXIMUM + MAX_QUEUED);
                assertThat(payloads(again)).doesNotContain(sent.get(RECEIVE_MAXIMUM));

                // and first the ten it never acknowledged, sent again with DUP and in order
                assertThat(payloads(again.subList(0, RECEIVE_MAXIMUM)))
                        .containsExactlyElementsOf(sent.subList(0, RECEIVE_MAXIMUM));
                assertThat(again.subList(0, RECEIVE_MAXIMUM)).allMatch(RawV5Client.Received::duplicate);

                // then the newest of the rest, in order, none twice
                List<String> rest = payloads(again.subList(RECEIVE_MAXIMUM, again.size()));
                assertThat(rest).isNotEmpty()
                        .containsExactlyElementsOf(sent.subList(PUBLISHED - rest.size(), PUBLISHED));
                assertThat(again.subList(RECEIVE_MAXIMUM, again.size())).noneMatch(RawV5Client.Received::duplicate);
            }
        }
    }

    /** Probes (QoS 0, which no window holds back) until both subscribers got one: both subscriptions are active. */
    private static void awaitBothSubscribed(V5Client publisher, RawV5Client raw, V5Client paho, String probeTopic) {
        int[] sent = {0};
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!raw.payloadsOn(probeTopic).isEmpty() && !paho.messagesOn(probeTopic).isEmpty()) {
                return true;
            }
            publisher.publish(probeTopic, "probe-" + sent[0]++, 0, false);
            return false;
        });
    }

    private static long droppedQueueOverflow() throws Exception {
        return FlinkOperatorMetrics.sum("gull-sessions", "delivery", "droppedQueueOverflow");
    }

    private static List<String> payloads(List<RawV5Client.Received> messages) {
        List<String> payloads = new ArrayList<>();
        messages.forEach(m -> payloads.add(m.payload()));
        return payloads;
    }
}
