package io.gull.devstack;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import io.gull.schemas.TopicSpec;

/** Creates Gull's topics that do not exist yet; existing topics are left as they are. */
final class TopicsInitializer {

    /** Gull's shared topics as {@link TopicSpec#SHARED} describes them; the edges create their own inboxes. */
    static final List<NewTopic> TOPICS = TopicSpec.SHARED.stream()
            .map(spec -> new NewTopic(spec.name(), Optional.of(spec.partitions()), Optional.empty())
                    .configs(spec.configs()))
            .collect(Collectors.toList());

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
