package io.gull.devstack.e2e;

import static io.gull.devstack.e2e.PubSubFixture.edgeA;
import static io.gull.devstack.e2e.PubSubFixture.unique;
import static io.gull.devstack.e2e.SequencedMessages.assertOneRowEach;
import static io.gull.devstack.e2e.SequencedMessages.publish;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.gull.devstack.GullStack;
import io.gull.devstack.testing.SharedStack;

/**
 * A telemetry row Cassandra acknowledged survives a kill -9 of Cassandra: the devstack's single node syncs its
 * commitlog before it acknowledges a write ({@code commitlog_sync: batch}). With Cassandra's default (periodic, every
 * 10 s) the writes of the last seconds before the kill were acknowledged, yet not replayed after the restart. Runs
 * late: it kills and restarts the shared Cassandra.
 */
@Order(Integer.MAX_VALUE - 1)
class TelemetryFaultsTest {
    private static final int STREAM = 3_000;
    private static final int STORED_BEFORE_KILL = 500;

    @Test
    void shouldKeepEveryStoredMessageOnceWhenCassandraIsKilledMidStreamAndRestarted() throws Exception {
        String topic = unique("cassandra-kill") + "/data";
        String publisherId = unique("pub");
        Instant start = Instant.now();
        SharedStack shared = SharedStack.get();
        GullStack stack = shared.stack();
        ExecutorService stream = Executors.newSingleThreadExecutor();
        try (V5Client publisher = V5Client.connect(edgeA(), publisherId, true, 0);
                TelemetryRows rows = new TelemetryRows(shared.endpoints().cassandraContactPoint(),
                        shared.config().keyspace())) {
            // given a device streaming QoS 1 messages, hundreds of them already stored and acknowledged by Cassandra
            Future<List<String>> sent = stream.submit(() -> publish(publisher, topic, 0, STREAM, 1));
            await().atMost(SequencedMessages.WAIT).until(() -> rows.of(publisherId, start).size() >= STORED_BEFORE_KILL);

            // when Cassandra is killed (kill -9) mid-stream, the stream goes on, and Cassandra is started again
            stack.killService("cassandra");
            List<String> acknowledged = sent.get(SequencedMessages.WAIT.toSeconds(), TimeUnit.SECONDS);
            stack.startService("cassandra");

            // then every PUBACKed message is one row: none stored before the kill was lost with it, none written twice
            assertOneRowEach(publisherId, topic, start, acknowledged);
        } finally {
            stream.shutdownNow();
            stack.startService("cassandra");
        }
    }
}
