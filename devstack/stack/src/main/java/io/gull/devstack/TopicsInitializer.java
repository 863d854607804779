package io.gull.devstack;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

import io.gull.schemas.Topics;

/** Creates Gull's topics that do not exist yet; existing topics are left as they are. */
final class TopicsInitializer {

    static final long AUTH_REQUESTS_RETENTION_MS = 3_600_000L;

    /** Gull's shared topics with their partition counts; the edges create their own inboxes. */
    static final List<NewTopic> TOPICS = List.of(
            new NewTopic(Topics.INGRESS, 4, (short) 1),
            new NewTopic(Topics.SESSIONS, 4, (short) 1),
            // requests carry the device's password and matter for seconds only: keep them an hour at most
            new NewTopic(Topics.AUTH_REQUESTS, 4, (short) 1)
                    .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(AUTH_REQUESTS_RETENTION_MS))),
            new NewTopic(Topics.DEVICES, 4, (short) 1)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)),
            new NewTopic(Topics.COMMANDS, 4, (short) 1),
            new NewTopic(Topics.DEADLETTER, 1, (short) 1));

    private final String bootstrap;

    TopicsInitializer(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** Returns the names of the topics created now (empty when all existed). */
    List<String> ensureTopics() {
        try (Admin admin = KafkaAdmins.create(bootstrap)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = TOPICS.stream().filter(t -> !existing.contains(t.name())).collect(Collectors.toList());
            if (missing.isEmpty()) {
                return List.of();
            }
            for (Map.Entry<String, org.apache.kafka.common.KafkaFuture<Void>> result
                    : admin.createTopics(missing).values().entrySet()) {
                try {
                    result.getValue().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new StackException("Cannot create Kafka topic " + result.getKey() + " on " + bootstrap
                                + ": " + e.getCause().getMessage(), e.getCause());
                    }
                }
            }
            return missing.stream().map(NewTopic::name).collect(Collectors.toList());
        } catch (ExecutionException | TimeoutException e) {
            throw new StackException("Cannot list Kafka topics on " + bootstrap + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while creating Kafka topics", e);
        }
    }
}
