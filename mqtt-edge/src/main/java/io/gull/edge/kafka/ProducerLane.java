package io.gull.edge.kafka;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * One thread that calls {@code Producer.send}, which may block (metadata, full buffer): callers, Netty
 * event loops among them, only enqueue. Sends of one lane keep their order. Several lanes share one
 * producer, so a topic whose metadata is missing cannot hold up the sends of another.
 */
final class ProducerLane implements AutoCloseable {
    private final Producer<byte[], byte[]> producer;
    private final ExecutorService executor;

    ProducerLane(String threadName, Producer<byte[], byte[]> producer) {
        this.producer = producer;
        this.executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Completes when Kafka acknowledged the record, or exceptionally when it finally failed. */
    CompletableFuture<RecordMetadata> send(ProducerRecord<byte[], byte[]> record) {
        return send(record, () -> true);
    }

    /**
     * Like {@link #send(ProducerRecord)}, but skips the record (the result then never completes) when
     * {@code stillWanted} says no by the time the lane gets to it, e.g. an auth request that timed out
     * while Kafka was unreachable.
     */
    CompletableFuture<RecordMetadata> send(ProducerRecord<byte[], byte[]> record, BooleanSupplier stillWanted) {
        CompletableFuture<RecordMetadata> result = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                if (!stillWanted.getAsBoolean()) {
                    return;
                }
                try {
                    producer.send(record, (metadata, error) -> {
                        if (error != null) {
                            result.completeExceptionally(error);
                        } else {
                            result.complete(metadata);
                        }
                    });
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new IllegalStateException("the edge is stopping", e));
        }
        return result;
    }

    /** Hands every queued record to the producer (waiting at most {@code timeout}), then stops the thread. */
    void drain(Duration timeout) throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
