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
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
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
    private static final String TIMESTAMP_TYPE = "message.timestamp.type";
    private static final String LOG_APPEND_TIME = "LogAppendTime";

    private TopicSetup() {
    }

    public static void ensureSessionsTopics(String bootstrap) {
        ensure(bootstrap, List.of(Topics.DEVICES, Topics.AUTH_REQUESTS, Topics.SESSIONS, Topics.INGRESS,
                Topics.COMMANDS, Topics.EDGES, Topics.SHARED_HANDOFFS, Topics.DEADLETTER));
        warnUnlessBrokerTimestamps(bootstrap);
    }

    /**
     * The sessions job judges an auth request's age by its Kafka timestamp; only with LogAppendTime is that the
     * broker's clock (a topic made before TopicSpec said so has the producer's, i.e. the edge's, clock).
     */
    private static void warnUnlessBrokerTimestamps(String bootstrap) {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.AUTH_REQUESTS);
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS)))) {
            ConfigEntry type = admin.describeConfigs(List.of(topic)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .get(topic).get(TIMESTAMP_TYPE);
            if (type != null && !LOG_APPEND_TIME.equals(type.value())) {
                LOG.warn("Topic {} has {}={}: auth requests are then aged by the edges' clocks, not the broker's. Set "
                        + "it to {} (kafka-configs --alter --entity-type topics --entity-name {} --add-config {}={}).",
                        Topics.AUTH_REQUESTS, TIMESTAMP_TYPE, type.value(), LOG_APPEND_TIME, Topics.AUTH_REQUESTS,
                        TIMESTAMP_TYPE, LOG_APPEND_TIME);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.warn("Could not check {} of topic {} ({})", TIMESTAMP_TYPE, Topics.AUTH_REQUESTS, e.toString());
        }
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
