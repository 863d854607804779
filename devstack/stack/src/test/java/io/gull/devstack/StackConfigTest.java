package io.gull.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class StackConfigTest {
    private static final Path HOME = Path.of("/opt/gull");

    @Test
    void shouldUseTheStandardPortsByDefault() {
        StackConfig config = StackConfig.defaults(HOME, Path.of("/tmp/gull-data"));

        assertThat(Endpoints.of(config)).isEqualTo(new Endpoints("127.0.0.1:9092", "127.0.0.1:9042",
                "http://127.0.0.1:8081", "tcp://127.0.0.1:1883"));
        assertThat(config.cassandraStoragePort()).isEqualTo(7000);
        assertThat(config.kafkaControllerPort()).isEqualTo(9093);
        assertThat(config.edgeId()).isEqualTo("edge-1");
        assertThat(config.keyspace()).isEqualTo("gull");
    }

    @Test
    void shouldRejectTwoServicesOnOnePort() {
        assertThatThrownBy(() -> new StackConfig(HOME, Path.of("d"), "127.0.0.1", 9092, 9093, 9042, 7000, 9092, 1883,
                "edge-1", "gull"))
                .isInstanceOf(StackException.class)
                .hasMessage("Flink REST/web UI and Kafka are both configured on port 9092; give each its own port");
    }

    @Test
    void shouldRejectAPortOutOfRange() {
        assertThatThrownBy(() -> new StackConfig(HOME, Path.of("d"), "127.0.0.1", 9092, 9093, 9042, 7000, 8081, 70000,
                "edge-1", "gull"))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("MQTT port must be between 1 and 65535");
    }

    @Test
    void shouldRejectAKeyspaceCassandraWouldRefuse() {
        assertThatThrownBy(() -> new StackConfig(HOME, Path.of("d"), "127.0.0.1", 9092, 9093, 9042, 7000, 8081, 1883,
                "edge-1", "drop table"))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("keyspace");
    }

    @Test
    void shouldConnectToLoopbackWhenBoundToEveryInterface() {
        StackConfig config = new StackConfig(HOME, Path.of("d"), "0.0.0.0", 9092, 9093, 9042, 7000, 8081, 1883,
                "edge-1", "gull");

        assertThat(Endpoints.of(config).kafkaBootstrap()).isEqualTo("127.0.0.1:9092");
    }

    @Test
    void shouldNameTheMissingBuildOutputAndTheCommandThatBuildsIt() {
        Path missing = Path.of("/nonexistent/flink-jobs/target/gull-flink-jobs.jar");

        assertThatThrownBy(() -> StackLayout.requireArtifacts(java.util.List.of(missing)))
                .isInstanceOf(StackException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("run ./mvnw -DskipTests package");
    }
}
