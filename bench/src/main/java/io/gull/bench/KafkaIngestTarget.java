package io.gull.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;

import io.gull.schemas.Codecs;
import io.gull.schemas.Topics;
import io.gull.schemas.TopicSpec;

/**
 * The raw Kafka baseline: what the edge's ingress path costs without MQTT. One producer with the edge's settings
 * ({@link EdgeProducerSettings}), one sender thread calling {@code send} as the edge's ingress lane does, records
 * keyed by client id with an Avro {@code Publish} envelope as value ({@link IngestEnvelopes}), encoded on the
 * caller's thread as at the edge. They go to a bench topic of their own, created with {@code gull.ingress}'s
 * partitions and configs and deleted at the end, so no Flink job reads them.
 */
public final class KafkaIngestTarget implements IngestTarget {
    private final String bootstrap;
    private final String topic;
    private final String run;
    private final byte[] payload;
    private final List<ServerProcess> servers;
    private final ExecutorService lane = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "bench-kafka-raw-sender");
        thread.setDaemon(true);
        return thread;
    });
    private final List<byte[]> keys = new ArrayList<>();
    private AtomicLongArray counters = new AtomicLongArray(0);
    private Producer<byte[], byte[]> producer;
    private boolean createdTopic;

    public KafkaIngestTarget(String bootstrap, String topic, String run, byte[] payload, List<ServerProcess> servers) {
        this.bootstrap = bootstrap;
        this.topic = topic;
        this.run = run;
        this.payload = payload.clone();
        this.servers = List.copyOf(servers);
    }

    @Override
    public String name() {
        return "kafka-raw";
    }

    @Override
    public void open(int connections) throws Exception {
        if (producer == null) {
            createTopic();
            Map<String, Object> props = EdgeProducerSettings.producer(bootstrap, "gull-bench-kafka-raw");
            producer = new KafkaProducer<>(props);
            producer.partitionsFor(topic); // metadata before the first timed send
        }
        for (int i = keys.size(); i < connections; i++) {
            keys.add(IngestEnvelopes.clientId(run, i).getBytes(StandardCharsets.UTF_8));
        }
        if (counters.length() < connections) {
            counters = new AtomicLongArray(connections);
        }
    }

    private void createTopic() throws Exception {
        TopicSpec ingress = TopicSpec.of(Topics.INGRESS);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000))) {
            admin.createTopics(List.of(new NewTopic(topic, java.util.Optional.of(ingress.partitions()),
                    java.util.Optional.empty()).configs(ingress.configs()))).all().get(20, TimeUnit.SECONDS);
            createdTopic = true;
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + topic + " on Kafka " + bootstrap + ": "
                        + e.getCause().getMessage() + " (check --gull-kafka)", e.getCause());
            }
        }
    }

    @Override
    public CompletableFuture<?> publish(int connection) {
        long counter = counters.incrementAndGet(connection);
        byte[] value = Codecs.PUBLISH.encode(IngestEnvelopes.envelope(run, connection, counter, payload, Instant.now()));
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, keys.get(connection), value);
        CompletableFuture<Void> acked = new CompletableFuture<>();
        try {
            lane.execute(() -> {
                try {
                    producer.send(record, (metadata, error) -> {
                        if (error != null) {
                            acked.completeExceptionally(error);
                        } else {
                            acked.complete(null);
                        }
                    });
                } catch (RuntimeException e) {
                    acked.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            acked.completeExceptionally(e);
        }
        return acked;
    }

    @Override
    public List<ServerProcess> servers() {
        return servers;
    }

    /** Closes the producer and deletes the bench topic (when this run created it). */
    @Override
    public void close() {
        lane.shutdownNow();
        if (producer != null) {
            producer.close(Duration.ofSeconds(10));
        }
        if (createdTopic) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                admin.deleteTopics(List.of(topic)).all().get(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                Progress.say("kafka-raw", "could not delete topic " + topic + ": " + Failures.describe(e));
            }
        }
    }
}
