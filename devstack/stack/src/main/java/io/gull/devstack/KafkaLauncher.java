package io.gull.devstack;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;

/** The single-node KRaft Kafka: {@code io.gull.devstack.kafka.KafkaServerMain} in a JVM of its own. */
final class KafkaLauncher implements JavaServiceLauncher {
    static final String NAME = "kafka";

    private final StackConfig config;
    private final JavaServer server;

    KafkaLauncher(StackConfig config, StackLayout layout) {
        this.config = config;
        this.server = JavaServer.runnableModule(NAME, "Kafka", layout, "devstack/kafka-server",
                "io.gull.devstack.kafka.KafkaServerMain", Duration.ofSeconds(120), Duration.ofSeconds(30));
    }

    @Override
    public JavaServer server() {
        return server;
    }

    @Override
    public List<PortUse> ports() {
        return List.of(new PortUse(config.bindHost(), config.kafkaPort(), "Kafka"),
                new PortUse(config.bindHost(), config.kafkaControllerPort(), "Kafka controller"));
    }

    @Override
    public ServiceSpec prepare() {
        List<String> args = List.of("--data-dir", server.dataDir().toString(), "--host", config.bindHost(),
                "--port", Integer.toString(config.kafkaPort()),
                "--controller-port", Integer.toString(config.kafkaControllerPort()), "--node-id", "1");
        return server.spec("256m", "512m", List.of("-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20"), args);
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
        if (!PortCheck.accepts(config.connectHost(), config.kafkaPort())) {
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
}
