package io.gull.edge.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

import io.gull.edge.mqtt.IngressSink;
import io.gull.schemas.Codecs;
import io.gull.schemas.Topics;
import io.gull.schemas.avro.Publish;

/**
 * Produces {@code Publish} envelopes to {@code gull.ingress}, key = MQTT topic, through the shared
 * producer. Above {@code kafka.max-pending-sends} unacknowledged sends it reports itself saturated so
 * connections stop reading ({@link PendingSends}).
 */
public final class IngressPublisher implements IngressSink {
    private final ProducerLane lane;
    private final PendingSends pending;

    public IngressPublisher(Producer<byte[], byte[]> producer, int maxPending) {
        this.lane = new ProducerLane("gull-edge-ingress-sender", producer);
        this.pending = new PendingSends(maxPending);
    }

    @Override
    public CompletionStage<Void> send(Publish envelope) {
        byte[] key = envelope.getTopic().getBytes(StandardCharsets.UTF_8);
        byte[] value = Codecs.PUBLISH.encode(envelope); // on the caller's event loop: spreads the CPU
        pending.started();
        CompletableFuture<Void> stored = new CompletableFuture<>();
        lane.send(new ProducerRecord<>(Topics.INGRESS, key, value)).whenComplete((metadata, error) -> {
            pending.finished();
            if (error != null) {
                stored.completeExceptionally(error);
            } else {
                stored.complete(null);
            }
        });
        return stored;
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

    /** Hands queued sends to the producer; the caller then flushes the producer. */
    void drain(Duration timeout) throws InterruptedException {
        lane.drain(timeout);
    }

    public void close() {
        lane.close();
    }
}
