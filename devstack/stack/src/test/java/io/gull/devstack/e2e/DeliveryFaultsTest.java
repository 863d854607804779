package io.gull.devstack.e2e;

import static io.gull.devstack.e2e.PubSubFixture.edgeA;
import static io.gull.devstack.e2e.PubSubFixture.edgeB;
import static io.gull.devstack.e2e.PubSubFixture.unique;
import static io.gull.devstack.e2e.SequencedMessages.assertOneRowEach;
import static io.gull.devstack.e2e.SequencedMessages.awaitEvery;
import static io.gull.devstack.e2e.SequencedMessages.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
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
    private static final long ONE_HOUR = 3600;
    private static final int HALF = 150;

    @ParameterizedTest(name = "subscriber QoS {0}")
    @ValueSource(ints = {1, 2})
    void shouldDeliverEveryAcknowledgedMessageWhenTheSessionsJobIsKilledAndRestoredFromItsCheckpoint(int qos)
            throws Exception {
        String prefix = unique("flink-kill-q" + qos);
        String publisherId = unique("pub");
        Instant start = Instant.now();
        GullStack stack = SharedStack.get().stack();
        try (V5Client publisher = V5Client.connect(edgeA(), publisherId, true, 0);
                V5Client subscriber = V5Client.connect(edgeB(), unique("sub"), true, ONE_HOUR)) {
            // given a persistent subscriber on edge B and a stream from edge A
            subscriber.subscribe(prefix + "/#", qos);
            Routes.awaitActive(publisher, subscriber, prefix + "/probe");
            List<String> sent = publish(publisher, prefix + "/data", 0, HALF, qos);

            // when Flink is killed (kill -9) mid-stream, the stream goes on, and Flink is started again
            stack.killService("flink");
            sent.addAll(publish(publisher, prefix + "/data", HALF, 2 * HALF, qos));
            stack.startService("flink");

            // then every PUBACKed message reaches the subscriber; at QoS 2 exactly once
            awaitEvery(sent, () -> subscriber.payloadsOn(prefix + "/data"));
            if (qos == 2) {
                assertThat(subscriber.payloadsOn(prefix + "/data")).doesNotHaveDuplicates();
            }
            // and every message is one telemetry row, the telemetry job's replay after its restore included
            assertOneRowEach(publisherId, prefix + "/data", start, sent);
        }
    }

    @Test
    void shouldDeliverAndStoreEveryAcknowledgedMessageWhenBothJobsAreStoppedWithASavepointMidStreamAndResumed()
            throws Exception {
        String prefix = unique("savepoint");
        String publisherId = unique("pub");
        Instant start = Instant.now();
        GullStack stack = SharedStack.get().stack();
        ExecutorService stream = Executors.newSingleThreadExecutor();
        try (V5Client publisher = V5Client.connect(edgeA(), publisherId, true, 0);
                V5Client subscriber = V5Client.connect(edgeB(), unique("sub"), true, ONE_HOUR)) {
            // given a persistent subscriber on edge B and a stream from edge A under way
            subscriber.subscribe(prefix + "/#", 1);
            Routes.awaitActive(publisher, subscriber, prefix + "/probe");
            Future<List<String>> sent = stream.submit(() -> publish(publisher, prefix + "/data", 0, 3 * HALF, 1));
            await().atMost(SequencedMessages.WAIT).until(() -> subscriber.payloadsOn(prefix + "/data").size() >= HALF);

            // when both jobs are stopped with a savepoint and resumed from it (gull jobs rescale at the same
            // parallelism), while the stream goes on
            stack.rescaleJob("gull-sessions", 1);
            stack.rescaleJob("gull-telemetry", 1);

            // then every PUBACKed message reaches the subscriber and is one telemetry row
            List<String> acknowledged = sent.get(SequencedMessages.WAIT.toSeconds(), TimeUnit.SECONDS);
            awaitEvery(acknowledged, () -> subscriber.payloadsOn(prefix + "/data"));
            assertOneRowEach(publisherId, prefix + "/data", start, acknowledged);
        } finally {
            stream.shutdownNow();
        }
    }

    @ParameterizedTest(name = "subscriber QoS {0}")
    @ValueSource(ints = {1, 2})
    void shouldDeliverEveryAcknowledgedMessageWhenTheSubscribersEdgeIsKilledAndItReconnectsToTheOtherEdge(int qos)
            throws Exception {
        String prefix = unique("edge-kill-q" + qos);
        String publisherId = unique("pub");
        Instant start = Instant.now();
        GullStack stack = SharedStack.get().stack();
        try (V5Client publisher = V5Client.connect(edgeA(), publisherId, true, 0);
                RoamingV311Device subscriber = RoamingV311Device.connect(edgeB(), unique("sub"))) {
            // given a device with a persistent session on edge B and a stream from edge A
            subscriber.subscribe(prefix + "/#", qos);
            Routes.awaitActive(publisher, () -> !subscriber.payloadsOn(prefix + "/probe").isEmpty(), prefix + "/probe");
            List<String> sent = publish(publisher, prefix + "/data", 0, HALF, qos);

            // when edge B is killed (kill -9) mid-stream, and the stream goes on
            stack.killService("edge-2");
            await().atMost(SequencedMessages.WAIT).until(() -> !subscriber.isConnected());
            sent.addAll(publish(publisher, prefix + "/data", HALF, 2 * HALF, qos));

            // then the device, reconnecting to edge A, resumes its session and gets the rest; at QoS 2 exactly once
            // (a message edge B delivered whose PUBREC died with it comes again with DUP and the same packet id,
            // which the device still holds)
            assertThat(subscriber.reconnect(edgeA())).as("session present").isTrue();
            awaitEvery(sent, () -> subscriber.payloadsOn(prefix + "/data"));
            if (qos == 2) {
                assertThat(subscriber.payloadsOn(prefix + "/data")).doesNotHaveDuplicates();
            }
            assertOneRowEach(publisherId, prefix + "/data", start, sent);
        } finally {
            stack.startService("edge-2");
        }
    }
}
