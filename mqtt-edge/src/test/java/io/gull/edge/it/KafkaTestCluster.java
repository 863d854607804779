package io.gull.edge.it;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/** A real single-node KRaft Kafka in this JVM (free ports), with Gull's topics. */
final class KafkaTestCluster implements AutoCloseable {
    private final KafkaClusterTestKit cluster;

    private KafkaTestCluster(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    static KafkaTestCluster start(String... topics) throws Exception {
        KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .build())
                // single node: internal topics need replication factor 1 or consumer groups hang
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
                .setConfigProp("share.coordinator.state.topic.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        KafkaTestCluster started = new KafkaTestCluster(cluster);
        try (Admin admin = started.admin()) {
            admin.createTopics(java.util.Arrays.stream(topics)
                    .map(t -> new NewTopic(t, Optional.of(2), Optional.of((short) 1))).toList()).all().get();
        }
        return started;
    }

    String bootstrap() {
        return cluster.bootstrapServers();
    }

    Admin admin() {
        return Admin.create(Map.of("bootstrap.servers", bootstrap()));
    }

    List<String> topics() throws Exception {
        try (Admin admin = admin()) {
            return List.copyOf(admin.listTopics().names().get());
        }
    }

    @Override
    public void close() {
        try {
            cluster.close();
        } catch (Exception e) {
            throw new IllegalStateException("stopping the test Kafka failed", e);
        }
    }
}
