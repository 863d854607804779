package io.gull.edge.mqtt;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import io.gull.schemas.avro.SessionEvent;
import io.gull.schemas.avro.SessionEventType;

/** Test double for the session events port: records events; each emit waits until the test completes it. */
final class RecordingSessionEvents implements SessionEventSink {
    record Emit(SessionEvent event, CompletableFuture<Void> stored) {
    }

    final List<SessionEvent> events = new CopyOnWriteArrayList<>();
    final List<Emit> emits = new CopyOnWriteArrayList<>();

    @Override
    public CompletionStage<Void> emit(SessionEvent event) {
        Emit emit = new Emit(event, new CompletableFuture<>());
        events.add(event);
        emits.add(emit);
        return emit.stored();
    }

    List<SessionEvent> ofType(SessionEventType type) {
        return events.stream().filter(e -> e.getType() == type).toList();
    }

    /** Completes every emit of {@code type} so far as stored by Kafka. */
    void storeAll(SessionEventType type) {
        emits.stream().filter(e -> e.event().getType() == type).forEach(e -> e.stored().complete(null));
    }
}
