package io.gull.edge.mqtt;

import java.util.concurrent.CompletionStage;

import io.gull.schemas.avro.Publish;

/**
 * Where received PUBLISHes go (the Kafka implementation produces them to {@code gull.ingress}). The stage
 * completes once the record is durably stored (acks=all), or exceptionally when it finally could not be:
 * with an {@link IngressRejectedException} when it never will be (resending cannot help), with anything
 * else when it was not stored this time.
 * Implementations must never block the caller, which is a Netty event loop.
 */
public interface IngressSink {

    CompletionStage<Void> send(Publish envelope);

    /** True while so many sends are pending that connections should stop reading their sockets. */
    default boolean saturated() {
        return false;
    }

    /** Runs {@code task} (on any thread) once {@link #saturated()} has become false; at once if it is already. */
    default void whenDrained(Runnable task) {
        task.run();
    }
}
