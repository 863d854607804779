package io.gull.edge.it;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import io.gull.schemas.Codecs;
import io.gull.schemas.Topics;
import io.gull.schemas.avro.AuthDecision;
import io.gull.schemas.avro.AuthOutcome;
import io.gull.schemas.avro.AuthRequest;
import io.gull.schemas.avro.EdgeMessage;

/**
 * Plays the Flink sessions job for the test: reads {@code gull.auth.requests}, allows password "pw"
 * (tenant "acme") and anonymous requests (tenant "$anonymous"), answers BAD_CREDENTIALS otherwise, into the requesting edge's inbox. Client ids
 * starting with {@value #SILENT_PREFIX} get no answer at all (a job that is down); those starting with
 * {@value #LOCKED_PREFIX} are answered RATE_LIMITED (a client id the job locked out after failed checks). Remembers the last
 * request of each client id, so a test can address deliveries to its connection, and can write any inbox record.
 */
final class AuthResponder implements AutoCloseable {
    static final String TENANT = "acme";
    static final String SILENT_PREFIX = "silent";
    static final String LOCKED_PREFIX = "locked";
    static final String ANONYMOUS_TENANT = "$anonymous";

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<byte[], byte[]> producer;
    private final Thread thread = new Thread(this::run, "test-auth-responder");
    private final Map<String, AuthRequest> lastRequests = new ConcurrentHashMap<>();
    private volatile boolean running = true;

    AuthResponder(String bootstrap) {
        consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
                "key.deserializer", ByteArrayDeserializer.class.getName(),
                "value.deserializer", ByteArrayDeserializer.class.getName()));
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap, "linger.ms", 0,
                "key.serializer", ByteArraySerializer.class.getName(),
                "value.serializer", ByteArraySerializer.class.getName()));
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.AUTH_REQUESTS).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    answer(Codecs.AUTH_REQUEST.decode(record.value()));
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    private void answer(AuthRequest request) {
        lastRequests.put(request.getClientId(), request);
        if (request.getClientId().startsWith(SILENT_PREFIX)) {
            return;
        }
        boolean anonymous = request.getAnonymous();
        boolean ok = anonymous || (request.getPassword() != null
                && "pw".equals(StandardCharsets.UTF_8.decode(request.getPassword().duplicate()).toString()));
        boolean locked = request.getClientId().startsWith(LOCKED_PREFIX);
        AuthDecision decision = AuthDecision.newBuilder()
                .setRequestId(request.getRequestId())
                .setClientId(request.getClientId())
                .setConnectionId(request.getConnectionId())
                .setOutcome(locked ? AuthOutcome.RATE_LIMITED : ok ? AuthOutcome.ALLOWED : AuthOutcome.BAD_CREDENTIALS)
                .setTenant(locked || !ok ? null : anonymous ? ANONYMOUS_TENANT : TENANT)
                .setDecidedAt(Instant.now())
                .build();
        send(request.getEdgeId(), request.getClientId(), decision);
    }

    /** The last auth request of {@code clientId}, or null. */
    AuthRequest lastRequest(String clientId) {
        return lastRequests.get(clientId);
    }

    /** Writes one record to an edge's inbox, as the sessions job does. */
    void send(String edgeId, String clientId, Object body) {
        producer.send(new ProducerRecord<>(Topics.edgeInbox(edgeId), clientId.getBytes(StandardCharsets.UTF_8),
                Codecs.EDGE_MESSAGE.encode(EdgeMessage.newBuilder().setBody(body).build())));
        producer.flush();
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close();
    }
}
