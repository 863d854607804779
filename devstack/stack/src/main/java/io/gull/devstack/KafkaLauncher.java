package io.gull.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;

/** The single-node KRaft Kafka: {@code io.gull.devstack.kafka.KafkaServerMain} in a JVM of its own. */
final class KafkaLauncher implements ServiceLauncher {
    static final String NAME = "kafka";
    private static final String MODULE = "devstack/kafka-server";

    private final StackConfig config;
    private final StackLayout layout;

    KafkaLauncher(StackConfig config, StackLayout layout) {
        this.config = config;
        this.layout = layout;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String displayName() {
        return "Kafka";
    }

    @Override
    public List<PortUse> ports() {
        return List.of(new PortUse(config.bindHost(), config.kafkaPort(), "Kafka"),
                new PortUse(config.bindHost(), config.kafkaControllerPort(), "Kafka controller"));
    }

    @Override
    public List<Path> artifacts() {
        return layout.runnableArtifacts(MODULE);
    }

    @Override
    public ServiceSpec prepare() {
        Path dir = layout.serviceDataDir(NAME);
        List<String> jvm = new ArrayList<>(List.of(ServiceSpec.markerFlag(NAME), "-Xms256m", "-Xmx512m",
                "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20", "-XX:+ExitOnOutOfMemoryError",
                "-Djava.awt.headless=true"));
        List<String> args = List.of("--data-dir", dir.toString(), "--host", config.bindHost(),
                "--port", Integer.toString(config.kafkaPort()),
                "--controller-port", Integer.toString(config.kafkaControllerPort()), "--node-id", "1");
        return new ServiceSpec(NAME,
                new JavaCommand(jvm, layout.runnableClasspath(MODULE), "io.gull.devstack.kafka.KafkaServerMain", args),
                dir, layout.logFile(NAME), layout.pidFile(NAME));
    }

    @Override
    public String endpoint() {
        return bootstrap();
    }

    String bootstrap() {
        return config.connectHost() + ":" + config.kafkaPort();
    }

    /** Ready once the broker answers a cluster description (the controller has elected itself and the broker joined). */
    @Override
    public boolean isReady() {
        if (!PortCheck.accepts(config.connectHost(), config.kafkaPort(), 500)) {
            return false;
        }
        try (Admin admin = KafkaAdmins.create(bootstrap())) {
            return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public Duration startTimeout() {
        return Duration.ofSeconds(120);
    }

    @Override
    public Duration stopGrace() {
        return Duration.ofSeconds(30);
    }
}
