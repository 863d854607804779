package io.gull.edge.mqtt;

import java.util.concurrent.CompletionStage;

import io.gull.schemas.avro.SessionEvent;

/**
 * Destination of session events ({@code gull.sessions}). Never blocks the caller. The stage completes once
 * Kafka stored the event (SUBACK / UNSUBACK wait for it) or exceptionally when it could not; callers for
 * whom the event is best effort (CONNECTED, DISCONNECTED, ACKED) ignore it, the implementation logs the
 * outage once.
 */
public interface SessionEventSink {
    CompletionStage<Void> emit(SessionEvent event);
}
