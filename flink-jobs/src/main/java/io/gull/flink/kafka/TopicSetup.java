package io.gull.flink.kafka;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.gull.schemas.TopicSpec;
import io.gull.schemas.Topics;

/**
 * Creates the topics a job reads or writes if they are missing (never changes existing ones), as {@link TopicSpec}
 * describes them (partitions, configs such as the compacted device registry), with the broker's default replication. A Kafka
 * source fails on a topic that does not exist, so a job submitted before any producer created its topics would
 * otherwise restart in a loop.
 */
public final class TopicSetup {
    private static final Logger LOG = LoggerFactory.getLogger(TopicSetup.class);
    private static final long TIMEOUT_SECONDS = 30;

    private TopicSetup() {
    }

    public static void ensureSessionsTopics(String bootstrap) {
        ensure(bootstrap, List.of(Topics.DEVICES, Topics.AUTH_REQUESTS, Topics.SESSIONS, Topics.INGRESS,
                Topics.COMMANDS, Topics.DEADLETTER));
    }

    public static void ensureTelemetryTopics(String bootstrap) {
        ensure(bootstrap, List.of(Topics.INGRESS, Topics.DEADLETTER));
    }

    static NewTopic newTopic(String name) {
        TopicSpec spec = TopicSpec.of(name);
        return new NewTopic(name, Optional.of(spec.partitions()), Optional.empty()).configs(spec.configs());
    }

    private static void ensure(String bootstrap, List<String> names) {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS)))) {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<NewTopic> missing = names.stream().filter(n -> !existing.contains(n)).map(TopicSetup::newTopic)
                    .collect(Collectors.toList());
            if (missing.isEmpty()) {
                return;
            }
            for (Map.Entry<String, org.apache.kafka.common.KafkaFuture<Void>> created
                    : admin.createTopics(missing).values().entrySet()) {
                try {
                    created.getValue().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    LOG.info("Created missing Kafka topic {}", created.getKey());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking Kafka topics " + names, e);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Could not check or create Kafka topics {} at {} ({}); the job starts anyway and its Kafka "
                    + "sources fail until the topics exist: create them, or check --kafka.bootstrap.",
                    names, bootstrap, e.getCause() == null ? e.toString() : e.getCause().toString());
        }
    }
}
