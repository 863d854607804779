package io.gull.devstack.e2e;

import static io.gull.devstack.e2e.PubSubFixture.edgeA;
import static io.gull.devstack.e2e.PubSubFixture.edgeB;
import static io.gull.devstack.e2e.PubSubFixture.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.gull.devstack.GullStack;
import io.gull.devstack.testing.SharedStack;

/**
 * Killing a server never loses a message that was acknowledged to its publisher: a persistent subscriber gets every
 * one (QoS 1: at least once; QoS 2: exactly once). Runs late: it kills and restarts shared servers.
 */
@Order(Integer.MAX_VALUE - 1)
class DeliveryFaultsTest {
    private static final Duration WAIT = Duration.ofSeconds(180);
    private static final long ONE_HOUR = 3600;
    private static final int HALF = 150;

    @ParameterizedTest(name = "subscriber QoS {0}")
    @ValueSource(ints = {1, 2})
    void shouldDeliverEveryAcknowledgedMessageWhenTheSessionsJobIsKilledAndRestoredFromItsCheckpoint(int qos)
            throws Exception {
        String prefix = unique("flink-kill-q" + qos);
        GullStack stack = SharedStack.get().stack();
        try (V5Client publisher = V5Client.connect(edgeA(), unique("pub"), true, 0);
                V5Client subscriber = V5Client.connect(edgeB(), unique("sub"), true, ONE_HOUR)) {
            // given a persistent subscriber on edge B and a stream from edge A
            subscriber.subscribe(prefix + "/#", qos);
            Routes.awaitActive(publisher, subscriber, prefix + "/probe");
            List<String> sent = publish(publisher, prefix, 0, HALF, qos);

            // when Flink is killed (kill -9) mid-stream, the stream goes on, and Flink is started again
            stack.killService("flink");
            sent.addAll(publish(publisher, prefix, HALF, 2 * HALF, qos));
            stack.startService("flink");

            // then every PUBACKed message reaches the subscriber; at QoS 2 exactly once
            await().atMost(WAIT).untilAsserted(() ->
                    assertThat(subscriber.payloadsOn(prefix + "/data")).containsAll(sent));
            if (qos == 2) {
                assertThat(subscriber.payloadsOn(prefix + "/data")).doesNotHaveDuplicates();
            }
        }
    }

    @ParameterizedTest(name = "subscriber QoS {0}")
    @ValueSource(ints = {1, 2})
    void shouldDeliverEveryAcknowledgedMessageWhenTheSubscribersEdgeIsKilledAndItReconnectsToTheOtherEdge(int qos)
            throws Exception {
        String prefix = unique("edge-kill-q" + qos);
        String subscriberId = unique("sub");
        GullStack stack = SharedStack.get().stack();
        List<String> received = new ArrayList<>();
        try (V5Client publisher = V5Client.connect(edgeA(), unique("pub"), true, 0)) {
            // given a persistent subscriber on edge B and a stream from edge A
            V5Client subscriber = V5Client.connect(edgeB(), subscriberId, true, ONE_HOUR);
            List<String> sent;
            try {
                subscriber.subscribe(prefix + "/#", qos);
                Routes.awaitActive(publisher, subscriber, prefix + "/probe");
                sent = publish(publisher, prefix, 0, HALF, qos);

                // when edge B is killed (kill -9) mid-stream
                stack.killService("edge-2");
                await().atMost(WAIT).until(() -> !subscriber.isConnected());
                received.addAll(subscriber.payloadsOn(prefix + "/data"));
            } finally {
                subscriber.close();
            }
            sent.addAll(publish(publisher, prefix, HALF, 2 * HALF, qos));

            // then, reconnecting to edge A, the subscriber resumes its session and gets the rest
            try (V5Client resumed = V5Client.connect(edgeA(), subscriberId, false, ONE_HOUR)) {
                assertThat(resumed.sessionPresent()).isTrue();
                Supplier<List<String>> all = () -> {
                    List<String> both = new ArrayList<>(received);
                    both.addAll(resumed.payloadsOn(prefix + "/data"));
                    return both;
                };
                await().atMost(WAIT).untilAsserted(() -> assertThat(all.get()).containsAll(sent));
                if (qos == 2) {
                    assertThat(all.get()).doesNotHaveDuplicates();
                }
            }
        } finally {
            stack.startService("edge-2");
        }
    }

    /** Publishes messages {@code from}..{@code to}-1, each returning once acknowledged; returns their payloads. */
    private static List<String> publish(V5Client publisher, String prefix, int from, int to, int qos) throws Exception {
        List<String> payloads = new ArrayList<>(IntStream.range(from, to).mapToObj(i -> "seq-" + i).toList());
        for (String payload : payloads) {
            publisher.publish(prefix + "/data", payload, qos, false);
        }
        return payloads;
    }
}
