package io.gull.devstack.kafka;

import java.util.Properties;

/** The broker configuration of a single-node KRaft dev cluster: broker and controller in one process. */
final class KafkaServerProperties {

    private KafkaServerProperties() {
    }

    static Properties of(KafkaServerArgs args) {
        String advertisedHost = isWildcard(args.host()) ? "127.0.0.1" : args.host();
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", Integer.toString(args.nodeId()));
        p.setProperty("controller.quorum.voters", args.nodeId() + "@" + advertisedHost + ":" + args.controllerPort());
        p.setProperty("listeners", "PLAINTEXT://" + args.host() + ":" + args.port()
                + ",CONTROLLER://" + args.host() + ":" + args.controllerPort());
        p.setProperty("advertised.listeners", "PLAINTEXT://" + advertisedHost + ":" + args.port());
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", args.dataDir().resolve("data").toString());

        // one node: every internal topic with replication factor 1, or consumer groups and transactions hang
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "4");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "4");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("default.replication.factor", "1");
        p.setProperty("min.insync.replicas", "1");

        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("auto.create.topics.enable", "true");
        p.setProperty("num.partitions", "1");
        p.setProperty("log.flush.interval.ms", "1000");
        return p;
    }

    private static boolean isWildcard(String host) {
        return host.equals("0.0.0.0") || host.equals("::") || host.isEmpty();
    }
}
