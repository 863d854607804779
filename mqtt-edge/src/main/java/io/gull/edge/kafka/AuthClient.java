package io.gull.edge.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.gull.edge.mqtt.Authenticator;
import io.gull.schemas.Codecs;
import io.gull.schemas.Topics;
import io.gull.schemas.avro.AuthDecision;
import io.gull.schemas.avro.AuthOutcome;
import io.gull.schemas.avro.AuthRequest;

/**
 * Request/reply with the Flink device-auth job: produces the {@code AuthRequest} to
 * {@code gull.auth.requests} (key = client id) and completes when the {@link InboxConsumer} hands over
 * the {@code AuthDecision} with the same request id, or fails after the auth timeout.
 */
public final class AuthClient implements Authenticator {
    private static final Logger log = LoggerFactory.getLogger(AuthClient.class);

    private final ProducerLane lane;
    private final Duration timeout;
    private final ConcurrentMap<String, CompletableFuture<AuthDecision>> pending = new ConcurrentHashMap<>();

    private final Consumer<AuthDecision> lateAllowed;

    /**
     * @param lateAllowed gets ALLOWED decisions whose request had timed out already: the job thinks that
     *                    connection online, someone has to tell it otherwise
     */
    public AuthClient(Producer<byte[], byte[]> producer, Duration timeout, Consumer<AuthDecision> lateAllowed) {
        this.lane = new ProducerLane("gull-edge-auth-sender", producer);
        this.timeout = timeout;
        this.lateAllowed = lateAllowed;
    }

    @Override
    public CompletionStage<AuthDecision> authenticate(AuthRequest request) {
        String requestId = request.getRequestId();
        CompletableFuture<AuthDecision> decision = new CompletableFuture<>();
        pending.put(requestId, decision);
        decision.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((ignored, error) -> pending.remove(requestId));
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(Topics.AUTH_REQUESTS,
                request.getClientId().getBytes(StandardCharsets.UTF_8), Codecs.AUTH_REQUEST.encode(request));
        lane.send(record, () -> !decision.isDone()).whenComplete((metadata, error) -> {
            if (error != null) {
                decision.completeExceptionally(error);
            }
        });
        return decision;
    }

    /** Called by the inbox consumer for every decision addressed to this edge. */
    public void onDecision(AuthDecision decision) {
        CompletableFuture<AuthDecision> waiting = pending.remove(decision.getRequestId());
        if (waiting != null) {
            waiting.complete(decision);
        } else {
            log.debug("Auth decision {} for {} arrived after its request timed out", decision.getRequestId(),
                    decision.getClientId());
            if (decision.getOutcome() == AuthOutcome.ALLOWED) {
                lateAllowed.accept(decision);
            }
        }
    }

    /** Requests still waiting for a decision. */
    public int pending() {
        return pending.size();
    }

    public void close() {
        lane.close();
    }
}
