package io.gull.edge.mqtt;

import io.gull.schemas.avro.SessionEvent;

/** Fire-and-forget destination of session events ({@code gull.sessions}). Never blocks the caller. */
public interface SessionEventSink {
    void emit(SessionEvent event);
}
