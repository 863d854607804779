package io.gull.edge.kafka;

import java.time.Duration;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.gull.edge.EdgeConfig;
import io.gull.schemas.avro.AuthDecision;
import io.gull.schemas.avro.EdgeMessage;

/**
 * Everything of the edge that talks to Kafka: the one shared producer (ingress, auth requests, session
 * events each on their own sender lane), the auth request/reply client and the inbox reader.
 */
public final class KafkaBackend implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(KafkaBackend.class);

    private final KafkaProducer<byte[], byte[]> producer;
    private final IngressPublisher ingress;
    private final AuthClient auth;
    private final SessionEventPublisher sessions;
    private final InboxConsumer inbox;

    private KafkaBackend(KafkaProducer<byte[], byte[]> producer, IngressPublisher ingress, AuthClient auth,
                         SessionEventPublisher sessions, InboxConsumer inbox) {
        this.producer = producer;
        this.ingress = ingress;
        this.auth = auth;
        this.sessions = sessions;
        this.inbox = inbox;
    }

    /**
     * Waits until Kafka answers (logging while it does not), creates the inbox topic if missing and starts
     * reading it. Interrupting the calling thread aborts the wait.
     */
    public static KafkaBackend start(EdgeConfig config) throws Exception {
        try (Admin admin = Admin.create(KafkaClients.admin(config))) {
            KafkaStartup.awaitKafka(admin, config);
            KafkaStartup.ensureInbox(admin, config);
        }
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(KafkaClients.producer(config));
        AuthClient auth = new AuthClient(producer, config.authTimeout());
        InboxConsumer inbox = new InboxConsumer(new KafkaConsumer<>(KafkaClients.inboxConsumer(config)),
                config.inboxTopic(), message -> dispatch(message, auth));
        try {
            inbox.start(Duration.ofSeconds(30)); // closes its consumer when it fails
        } catch (Exception e) {
            auth.close();
            producer.close(Duration.ZERO);
            throw e;
        }
        return new KafkaBackend(producer,
                new IngressPublisher(producer, config.maxPendingSends(), config.maxPendingBytes()), auth,
                new SessionEventPublisher(producer), inbox);
    }

    private static void dispatch(EdgeMessage message, AuthClient auth) {
        if (message.getBody() instanceof AuthDecision decision) {
            auth.onDecision(decision);
        }
    }

    public IngressPublisher ingress() {
        return ingress;
    }

    public AuthClient auth() {
        return auth;
    }

    public SessionEventPublisher sessions() {
        return sessions;
    }

    /**
     * Hands every queued PUBLISH to the producer and waits until Kafka acknowledged it, at most
     * {@code timeout}. Later PUBLISHes are refused (their connections close without PUBACK).
     */
    public void flushIngress(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ingress.drain(timeout);
        Thread flusher = new Thread(producer::flush, "gull-edge-flush");
        flusher.setDaemon(true);
        flusher.start();
        flusher.join(Math.max(1, Duration.ofNanos(deadline - System.nanoTime()).toMillis()));
        if (flusher.isAlive()) {
            log.warn("{} records were not acknowledged by Kafka within {} ms; their clients will resend them",
                    ingress.pending(), timeout.toMillis());
        }
    }

    /** Sends the last session events, stops the inbox reader and closes the producer, within 7 s. */
    @Override
    public void close() {
        close(Duration.ofSeconds(7));
    }

    /**
     * Like {@link #close()}, all within {@code timeout}: a third for the last session events, a third of
     * what is then left for the inbox reader, the rest for the producer (records it still holds are dropped).
     */
    public void close(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            sessions.drain(timeout.dividedBy(3));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        inbox.close(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())).dividedBy(3));
        ingress.close();
        auth.close();
        sessions.close();
        producer.close(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }
}
