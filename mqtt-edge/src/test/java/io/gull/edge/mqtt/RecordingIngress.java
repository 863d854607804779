package io.gull.edge.mqtt;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import io.gull.schemas.avro.Publish;

/** Test double for the Kafka-facing ingress port: each send waits until the test completes it. */
final class RecordingIngress implements IngressSink {
    record Send(Publish envelope, CompletableFuture<Void> stored) {
    }

    final List<Send> sends = new CopyOnWriteArrayList<>();

    @Override
    public CompletionStage<Void> send(Publish envelope) {
        Send send = new Send(envelope, new CompletableFuture<>());
        sends.add(send);
        return send.stored();
    }
}
