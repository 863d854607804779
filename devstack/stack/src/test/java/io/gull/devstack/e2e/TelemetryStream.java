package io.gull.devstack.e2e;

import static io.gull.devstack.e2e.PubSubFixture.edgeA;
import static io.gull.devstack.e2e.PubSubFixture.unique;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.gull.devstack.testing.SharedStack;

/**
 * The fault suite's device: it streams {@code seq-0..seq-(count-1)} as QoS 1 messages to a topic of its own on edge A
 * in the background, each sent once the previous one was PUBACKed, while a test injects a fault.
 */
final class TelemetryStream implements AutoCloseable {
    private final String publisherId = unique("pub");
    private final String topic;
    private final Instant start = Instant.now();
    private final V5Client publisher;
    private final TelemetryRows rows;
    private final ExecutorService sender = Executors.newSingleThreadExecutor();
    private final Future<List<String>> sent;

    private TelemetryStream(String name, int count) throws Exception {
        SharedStack shared = SharedStack.get();
        this.topic = unique(name) + "/data";
        this.publisher = V5Client.connect(edgeA(), publisherId, true, 0);
        this.rows = new TelemetryRows(shared.endpoints().cassandraContactPoint(), shared.config().keyspace());
        this.sent = sender.submit(() -> SequencedMessages.publish(publisher, topic, 0, count, 1));
    }

    static TelemetryStream start(String name, int count) throws Exception {
        return new TelemetryStream(name, count);
    }

    /** Waits until Cassandra holds at least {@code count} rows of the stream. */
    void awaitStored(int count) {
        await().atMost(SequencedMessages.WAIT).until(() -> rows.of(publisherId, start).size() >= count);
    }

    /** Waits for the end of the stream: every message it sent, each PUBACKed. */
    List<String> acknowledged() throws Exception {
        return sent.get(SequencedMessages.WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Every PUBACKed message of the stream becomes exactly one telemetry row. */
    void assertOneRowEach() throws Exception {
        SequencedMessages.assertOneRowEach(publisherId, topic, start, acknowledged());
    }

    @Override
    public void close() throws Exception {
        sender.shutdownNow();
        try (V5Client closing = publisher; TelemetryRows closingRows = rows) {
            // both closed, the client first
        }
    }
}
