package io.gull.edge.mqtt;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.gull.schemas.avro.SessionEvent;

final class RecordingSessionEvents implements SessionEventSink {
    final List<SessionEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void emit(SessionEvent event) {
        events.add(event);
    }
}
