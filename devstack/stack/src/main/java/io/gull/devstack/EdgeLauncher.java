package io.gull.devstack;

import java.time.Duration;
import java.util.List;

/** One MQTT edge: {@code io.gull.edge.EdgeMain} in a JVM of its own. Ready once its MQTT port accepts connections. */
final class EdgeLauncher implements JavaServiceLauncher {
    static final String NAME = "edge";

    private final StackConfig config;
    private final JavaServer server;

    EdgeLauncher(StackConfig config, StackLayout layout) {
        this.config = config;
        this.server = JavaServer.runnableModule(NAME, "Edge", layout, "mqtt-edge", "io.gull.edge.EdgeMain",
                Duration.ofSeconds(120), Duration.ofSeconds(20));
    }

    @Override
    public JavaServer server() {
        return server;
    }

    @Override
    public List<PortUse> ports() {
        return List.of(new PortUse(config.bindHost(), config.mqttPort(), "MQTT"));
    }

    @Override
    public ServiceSpec prepare() {
        List<String> args = List.of("--edge-id=" + config.edgeId(), "--mqtt.host=" + config.bindHost(),
                "--mqtt.port=" + config.mqttPort(),
                "--kafka.bootstrap=" + config.connectHost() + ":" + config.kafkaPort());
        return server.spec("64m", "256m", List.of("-XX:+UseG1GC"), args);
    }

    @Override
    public String endpoint() {
        return "tcp://" + config.connectHost() + ":" + config.mqttPort();
    }

    @Override
    public boolean isReady() {
        return PortCheck.accepts(config.connectHost(), config.mqttPort());
    }
}
