package io.gull.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** One MQTT edge: {@code io.gull.edge.EdgeMain} in a JVM of its own. Ready once its MQTT port accepts connections. */
final class EdgeLauncher implements ServiceLauncher {
    static final String NAME = "edge";
    private static final String MODULE = "mqtt-edge";

    private final StackConfig config;
    private final StackLayout layout;

    EdgeLauncher(StackConfig config, StackLayout layout) {
        this.config = config;
        this.layout = layout;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String displayName() {
        return "Edge";
    }

    @Override
    public List<PortUse> ports() {
        return List.of(new PortUse(config.bindHost(), config.mqttPort(), "MQTT"));
    }

    @Override
    public List<Path> artifacts() {
        return layout.runnableArtifacts(MODULE);
    }

    @Override
    public ServiceSpec prepare() {
        Path dir = layout.serviceDataDir(NAME);
        List<String> jvm = List.of(ServiceSpec.markerFlag(NAME), "-Xms64m", "-Xmx256m", "-XX:+UseG1GC",
                "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true");
        List<String> args = List.of("--edge-id=" + config.edgeId(), "--mqtt.host=" + config.bindHost(),
                "--mqtt.port=" + config.mqttPort(),
                "--kafka.bootstrap=" + config.connectHost() + ":" + config.kafkaPort());
        return new ServiceSpec(NAME, new JavaCommand(jvm, layout.runnableClasspath(MODULE), "io.gull.edge.EdgeMain", args),
                dir, layout.logFile(NAME), layout.pidFile(NAME));
    }

    @Override
    public String endpoint() {
        return "tcp://" + config.connectHost() + ":" + config.mqttPort();
    }

    @Override
    public boolean isReady() {
        return PortCheck.accepts(config.connectHost(), config.mqttPort(), 500);
    }

    @Override
    public Duration startTimeout() {
        return Duration.ofSeconds(120);
    }

    @Override
    public Duration stopGrace() {
        return Duration.ofSeconds(20);
    }
}
