package io.gull.edge.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;

import io.gull.edge.mqtt.IngressRejectedException;
import io.gull.edge.mqtt.IngressSink;
import io.gull.schemas.Codecs;
import io.gull.schemas.Topics;
import io.gull.schemas.avro.Publish;

/**
 * Produces {@code Publish} envelopes to {@code gull.ingress}, key = client id (one partition per device: its
 * messages stay in order through the sessions job), through the shared
 * producer. Above {@code kafka.max-pending-sends} unacknowledged sends or {@code kafka.max-pending-bytes}
 * unacknowledged bytes it reports itself saturated so connections stop reading ({@link PendingSends}).
 * Errors about this very record that no resend can cure (too large, invalid) complete the send with an
 * {@link IngressRejectedException}; errors of the cluster or the producer (unreachable, not authorized,
 * closed) stay as they are, so the client keeps the message and resends it later.
 */
public final class IngressPublisher implements IngressSink {
    private final ProducerLane lane;
    private final PendingSends pending;

    public IngressPublisher(Producer<byte[], byte[]> producer, int maxPending, long maxPendingBytes) {
        this.lane = new ProducerLane("gull-edge-ingress-sender", producer);
        this.pending = new PendingSends(maxPending, maxPendingBytes);
    }

    @Override
    public CompletionStage<Void> send(Publish envelope) {
        byte[] key = envelope.getClientId().getBytes(StandardCharsets.UTF_8);
        byte[] value = Codecs.PUBLISH.encode(envelope); // on the caller's event loop: spreads the CPU
        int size = key.length + value.length;
        pending.started(size);
        CompletableFuture<Void> stored = new CompletableFuture<>();
        lane.send(new ProducerRecord<>(Topics.INGRESS, key, value)).whenComplete((metadata, error) -> {
            pending.finished(size);
            if (error != null) {
                stored.completeExceptionally(classify(error));
            } else {
                stored.complete(null);
            }
        });
        return stored;
    }

    /**
     * Per-record errors resending cannot cure become {@link IngressRejectedException}. Other non-retriable
     * errors (authorization, fencing, a closed producer) are not about the record: acknowledging them would
     * make the client drop a message that a later resend could store.
     */
    static Throwable classify(Throwable error) {
        if (error instanceof RecordTooLargeException || error instanceof RecordBatchTooLargeException) {
            return new IngressRejectedException(true, error);
        }
        if (error instanceof InvalidRecordException || error instanceof InvalidTopicException) {
            return new IngressRejectedException(false, error);
        }
        return error;
    }

    @Override
    public boolean saturated() {
        return pending.saturated();
    }

    @Override
    public void whenDrained(Runnable task) {
        pending.whenDrained(task);
    }

    /** Sends not yet acknowledged by Kafka. */
    public int pending() {
        return pending.count();
    }

    /** Bytes of the sends not yet acknowledged by Kafka. */
    public long pendingBytes() {
        return pending.bytes();
    }

    /** Hands queued sends to the producer; the caller then flushes the producer. */
    void drain(Duration timeout) throws InterruptedException {
        lane.drain(timeout);
    }

    public void close() {
        lane.close();
    }
}
