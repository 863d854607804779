package io.gull.edge.kafka;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.gull.edge.EdgeConfig;
import io.gull.edge.mqtt.ConnectionRegistry;
import io.gull.edge.mqtt.SessionEvents;
import io.gull.schemas.avro.AuthDecision;
import io.gull.schemas.avro.Delivery;
import io.gull.schemas.avro.EdgeMessage;
import io.gull.schemas.avro.Kick;

/**
 * Everything of the edge that talks to Kafka: the one shared producer (ingress, auth requests, session events,
 * heartbeats each on their own sender lane), the auth request/reply client, the inbox reader (decisions to the
 * auth client, deliveries and kicks to their connection) and the heartbeats.
 */
public final class KafkaBackend implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(KafkaBackend.class);

    private final KafkaProducer<byte[], byte[]> producer;
    private final IngressPublisher ingress;
    private final AuthClient auth;
    private final SessionEventPublisher sessions;
    private final InboxConsumer inbox;
    private final HeartbeatPublisher heartbeats;

    private KafkaBackend(KafkaProducer<byte[], byte[]> producer, IngressPublisher ingress, AuthClient auth,
                         SessionEventPublisher sessions, InboxConsumer inbox, HeartbeatPublisher heartbeats) {
        this.producer = producer;
        this.ingress = ingress;
        this.auth = auth;
        this.sessions = sessions;
        this.inbox = inbox;
        this.heartbeats = heartbeats;
    }

    /**
     * Waits until Kafka answers (logging while it does not), creates the inbox topic and gull.edges if missing,
     * checks that no other live edge has this edge id ({@link EdgeIdGuard}), starts the heartbeats and reads the
     * inbox. Interrupting the calling thread aborts the wait.
     *
     * @throws EdgeIdInUseException when another running edge has this edge's id
     */
    public static KafkaBackend start(EdgeConfig config, ConnectionRegistry connections, Clock clock)
            throws Exception {
        try (Admin admin = Admin.create(KafkaClients.admin(config))) {
            KafkaStartup.awaitKafka(admin, config);
            KafkaStartup.ensureInbox(admin, config);
            KafkaStartup.ensureEdgesTopic(admin);
        }
        String incarnation = UUID.randomUUID().toString();
        try (KafkaConsumer<byte[], byte[]> edges = new KafkaConsumer<>(KafkaClients.edgesReader(config))) {
            new EdgeIdGuard(edges, config.edgeId(), incarnation, config.heartbeatInterval(), clock)
                    .check(Duration.ofSeconds(30));
        }
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(KafkaClients.producer(config));
        HeartbeatPublisher heartbeats = new HeartbeatPublisher(producer, config.edgeId(), incarnation,
                config.heartbeatInterval(), clock, connections::size, config.mqttHost() + ":" + config.mqttPort());
        heartbeats.start(); // before the inbox is read: a second edge starting now sees this one
        SessionEventPublisher sessions = new SessionEventPublisher(producer);
        AuthClient auth = new AuthClient(producer, config.authTimeout(), late -> {
            // a decision nobody waits for: for a connection that is gone, tell the job it is closed; one for a live
            // connection is a replay (the job restored a checkpoint and answered again): the connection stays
            if (connections.find(late.getConnectionId()).isEmpty()) {
                sessions.emit(SessionEvents.orphaned(late, config.edgeId(), 4, clock));
            }
        });
        InboxConsumer inbox = new InboxConsumer(new KafkaConsumer<>(KafkaClients.inboxConsumer(config)),
                config.inboxTopic(), message -> dispatch(message, auth, connections));
        try {
            inbox.start(Duration.ofSeconds(30)); // closes its consumer when it fails
        } catch (Exception e) {
            heartbeats.close();
            auth.close();
            sessions.close();
            producer.close(Duration.ZERO);
            throw e;
        }
        return new KafkaBackend(producer,
                new IngressPublisher(producer, config.maxPendingSends(), config.maxPendingBytes()), auth,
                sessions, inbox, heartbeats);
    }

    private static void dispatch(EdgeMessage message, AuthClient auth, ConnectionRegistry connections) {
        Object body = message.getBody();
        if (body instanceof AuthDecision decision) {
            auth.onDecision(decision);
        } else if (body instanceof Delivery delivery) {
            connections.dispatch(delivery);
        } else if (body instanceof Kick kick) {
            connections.dispatch(kick);
        } else {
            log.debug("Ignoring inbox record of unknown kind {}", body == null ? null : body.getClass());
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

    public HeartbeatPublisher heartbeats() {
        return heartbeats;
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

    /** Sends the last session events and STOPPED, stops the inbox reader and closes the producer, within 7 s. */
    @Override
    public void close() {
        close(Duration.ofSeconds(7));
    }

    /**
     * Like {@link #close()}, all within {@code timeout}: a third for the last session events, a sixth for the
     * STOPPED heartbeat, a third of what is then left for the inbox reader, the rest for the producer (records it
     * still holds are dropped).
     */
    public void close(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            sessions.drain(timeout.dividedBy(3));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        heartbeats.stop(timeout.dividedBy(6));
        inbox.close(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())).dividedBy(3));
        ingress.close();
        auth.close();
        sessions.close();
        heartbeats.close();
        producer.close(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }
}
