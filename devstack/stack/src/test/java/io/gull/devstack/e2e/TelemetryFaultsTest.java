package io.gull.devstack.e2e;

import static io.gull.devstack.e2e.PubSubFixture.edgeA;
import static io.gull.devstack.e2e.PubSubFixture.unique;
import static io.gull.devstack.e2e.SequencedMessages.assertOneRowEach;
import static io.gull.devstack.e2e.SequencedMessages.publish;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
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
 * A telemetry row Cassandra acknowledged survives a kill -9 of Cassandra: the devstack's single node acknowledges a
 * write only once the commitlog holding it was synced ({@code commitlog_sync: group}). With periodic sync a restart
 * replays the commitlog only up to the last sync marker (written every 100 ms), so the writes acknowledged just before
 * the kill were lost: two of 3,000 in a CI run. Paused (SIGSTOP) for 30 s, Cassandra loses nothing either: the
 * sink's timed-out writes are retried. Runs late: it pauses, kills and restarts the shared Cassandra.
 */
@Order(Integer.MAX_VALUE - 1)
class TelemetryFaultsTest {
    private static final int STREAM = 10_000;
    private static final int STORED_BEFORE_KILL = 2_000;
    private static final Duration PAUSE = Duration.ofSeconds(30);

    @Test
    void shouldStoreEveryMessageOnceWhenCassandraIsPausedForThirtySecondsMidStream() throws Exception {
        String topic = unique("cassandra-pause") + "/data";
        String publisherId = unique("pub");
        Instant start = Instant.now();
        SharedStack shared = SharedStack.get();
        long cassandra = shared.stack().pid("cassandra").orElseThrow();
        ExecutorService stream = Executors.newSingleThreadExecutor();
        try (V5Client publisher = V5Client.connect(edgeA(), publisherId, true, 0);
                TelemetryRows rows = new TelemetryRows(shared.endpoints().cassandraContactPoint(),
                        shared.config().keyspace())) {
            // given a device streaming QoS 1 messages, hundreds of them already stored
            Future<List<String>> sent = stream.submit(() -> publish(publisher, topic, 0, STREAM, 1));
            await().atMost(SequencedMessages.WAIT).until(() -> rows.of(publisherId, start).size() >= STORED_BEFORE_KILL);

            // when Cassandra stops answering for 30 s (SIGSTOP: its connections stay open, its writes time out)
            // while the stream goes on, and then carries on (SIGCONT)
            signal("STOP", cassandra);
            try {
                Thread.sleep(PAUSE.toMillis());
            } finally {
                signal("CONT", cassandra);
            }
            List<String> acknowledged = sent.get(SequencedMessages.WAIT.toSeconds(), TimeUnit.SECONDS);

            // then every PUBACKed message is one row: the timed-out writes were retried, none twice
            assertOneRowEach(publisherId, topic, start, acknowledged);
        } finally {
            stream.shutdownNow();
            signal("CONT", cassandra);
        }
    }

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

    private static void signal(String signal, long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IOException("kill -" + signal + " " + pid + " failed with exit code " + kill.exitValue());
        }
    }
}
