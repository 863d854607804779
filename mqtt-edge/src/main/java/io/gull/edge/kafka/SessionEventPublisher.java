package io.gull.edge.kafka;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.gull.edge.mqtt.SessionEventSink;
import io.gull.schemas.Codecs;
import io.gull.schemas.Topics;
import io.gull.schemas.avro.SessionEvent;

/**
 * Producer of session events to {@code gull.sessions}, key = client id, in order per client (one lane, one key,
 * idempotent producer). The stage completes when Kafka stored the event; an outage is logged once.
 */
public final class SessionEventPublisher implements SessionEventSink {
    private static final Logger log = LoggerFactory.getLogger(SessionEventPublisher.class);

    private final ProducerLane lane;
    private final AtomicBoolean failing = new AtomicBoolean();

    public SessionEventPublisher(Producer<byte[], byte[]> producer) {
        this.lane = new ProducerLane("gull-edge-session-sender", producer);
    }

    @Override
    public CompletionStage<Void> emit(SessionEvent event) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(Topics.SESSIONS,
                event.getClientId().getBytes(StandardCharsets.UTF_8), Codecs.SESSION_EVENT.encode(event));
        return lane.send(record).whenComplete((metadata, error) -> {
            if (error != null && failing.compareAndSet(false, true)) {
                log.warn("Session events cannot be written to {} ({}); they are dropped until Kafka accepts "
                        + "them again", Topics.SESSIONS, error.toString());
            } else if (error == null && failing.compareAndSet(true, false)) {
                log.info("Session events are written to {} again", Topics.SESSIONS);
            }
        }).thenApply(metadata -> null);
    }

    void drain(java.time.Duration timeout) throws InterruptedException {
        lane.drain(timeout);
    }

    public void close() {
        lane.close();
    }
}
