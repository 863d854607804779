package io.gull.edge.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.gull.edge.EdgeConfig;
import io.gull.schemas.TopicSpec;
import io.gull.schemas.Topics;

/** Start-up steps against Kafka: wait until it answers, create this edge's inbox and gull.edges if missing. */
final class KafkaStartup {
    private static final Logger log = LoggerFactory.getLogger(KafkaStartup.class);
    /** Repeat the "still waiting" line at most this often. */
    private static final Duration LOG_EVERY = Duration.ofSeconds(30);

    private KafkaStartup() {
    }

    /** Blocks until the cluster answers, retrying every {@code kafka.retry-interval-ms}; interruptible. */
    static void awaitKafka(Admin admin, EdgeConfig config) throws InterruptedException {
        Instant lastLog = null;
        while (true) {
            try {
                int timeoutMs = (int) Math.max(2_000, Math.min(30_000, config.kafkaRetryInterval().toMillis()));
                admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs)).nodes()
                        .get(timeoutMs + 1_000L, TimeUnit.MILLISECONDS);
                if (lastLog != null) {
                    log.info("Kafka at {} is reachable now", config.kafkaBootstrap());
                }
                return;
            } catch (ExecutionException | TimeoutException e) {
                Instant now = Instant.now();
                if (lastLog == null || Duration.between(lastLog, now).compareTo(LOG_EVERY) >= 0) {
                    log.warn("Kafka at {} is not reachable ({}); retrying every {} ms. Start Kafka or fix "
                                    + "--kafka.bootstrap.", config.kafkaBootstrap(), rootMessage(e),
                            config.kafkaRetryInterval().toMillis());
                    lastLog = now;
                }
                Thread.sleep(config.kafkaRetryInterval().toMillis());
            }
        }
    }

    /** Creates the inbox topic unless it exists. */
    static void ensureInbox(Admin admin, EdgeConfig config) throws InterruptedException, ExecutionException {
        String topic = config.inboxTopic();
        NewTopic newTopic = new NewTopic(topic, Optional.of(config.inboxPartitions()), Optional.empty())
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(config.inboxRetention().toMillis())));
        try {
            admin.createTopics(List.of(newTopic)).all().get();
            log.info("Created inbox topic {}", topic);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
            log.debug("Inbox topic {} exists", topic);
        }
    }

    /** Creates {@code gull.edges} (heartbeats) unless it exists, as every creator does ({@link TopicSpec}). */
    static void ensureEdgesTopic(Admin admin) throws InterruptedException, ExecutionException {
        TopicSpec spec = TopicSpec.of(Topics.EDGES);
        NewTopic newTopic = new NewTopic(spec.name(), Optional.of(spec.partitions()), Optional.empty())
                .configs(spec.configs());
        try {
            admin.createTopics(List.of(newTopic)).all().get();
            log.info("Created topic {}", spec.name());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
