package io.gull.devstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One MQTT edge: {@code io.gull.edge.EdgeMain} in a JVM of its own, under its own service name (pid file and log).
 * Ready once its MQTT port accepts connections.
 */
final class EdgeLauncher implements JavaServiceLauncher {
    /** The edge option that lets devices connect without credentials. */
    static final String ALLOW_ANONYMOUS_ARG = "--mqtt.allow-anonymous=true";

    private final StackConfig config;
    private final LocalEdge edge;
    private final String kafkaBootstrap;
    private final JavaServer server;

    /** @param kafkaBootstrap the running stack's Kafka (as recorded), which need not be on the config's port */
    EdgeLauncher(StackConfig config, StackLayout layout, LocalEdge edge, String kafkaBootstrap) {
        this.config = config;
        this.edge = edge;
        this.kafkaBootstrap = kafkaBootstrap;
        this.server = JavaServer.runnableModule(edge.service(), edge.displayName(), layout, "mqtt-edge",
                "io.gull.edge.EdgeMain", Duration.ofSeconds(120), Duration.ofSeconds(20));
    }

    LocalEdge edge() {
        return edge;
    }

    @Override
    public JavaServer server() {
        return server;
    }

    @Override
    public List<PortUse> ports() {
        return List.of(new PortUse(config.bindHost(), edge.mqttPort(), "MQTT of " + edge.edgeId()));
    }

    @Override
    public ServiceSpec prepare() {
        return server.spec("64m", "256m", List.of("-XX:+UseG1GC"), args(config.bindHost(), edge, kafkaBootstrap));
    }

    /** Its program arguments; {@code --mqtt.allow-anonymous} only when on, so the edge's default stays in charge. */
    static List<String> args(String bindHost, LocalEdge edge, String kafkaBootstrap) {
        List<String> args = new ArrayList<>(List.of("--edge-id=" + edge.edgeId(), "--mqtt.host=" + bindHost,
                "--mqtt.port=" + edge.mqttPort(), "--kafka.bootstrap=" + kafkaBootstrap));
        if (edge.allowAnonymous()) {
            args.add(ALLOW_ANONYMOUS_ARG);
        }
        return List.copyOf(args);
    }

    @Override
    public String endpoint() {
        return edge.mqttUri(config.connectHost());
    }

    @Override
    public boolean isReady() {
        return PortCheck.accepts(config.connectHost(), edge.mqttPort());
    }
}
