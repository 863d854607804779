package io.gull.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class StackConfigTest {
    private static final Path HOME = Path.of("/opt/gull");
    private static final StackConfig DEFAULTS = StackConfig.defaults(HOME, Path.of("/tmp/gull-data"));

    @Test
    void shouldUseTheStandardPortsByDefault() {
        assertThat(Endpoints.of(DEFAULTS)).isEqualTo(new Endpoints("127.0.0.1:9092", "127.0.0.1:9042",
                "http://127.0.0.1:8081", List.of(new EdgeEndpoint("edge", "edge-1", "tcp://127.0.0.1:1883"))));
        assertThat(DEFAULTS.cassandraStoragePort()).isEqualTo(7000);
        assertThat(DEFAULTS.kafkaControllerPort()).isEqualTo(9093);
        assertThat(DEFAULTS.keyspace()).isEqualTo("gull");
    }

    @Test
    void shouldStartOneEdgeThatRequiresCredentialsAndResumeJobsStrictlyByDefault() {
        assertThat(DEFAULTS.edges()).containsExactly(new LocalEdge("edge", "edge-1", 1883, false));
        assertThat(DEFAULTS.allowAnonymous()).isFalse();
        assertThat(DEFAULTS.jobRestore()).isEqualTo(JobRestore.RESUME);
        assertThat(DEFAULTS.allowNonRestoredState()).isFalse();
    }

    @Test
    void shouldNumberEdgesAndPutEachOnTheNextMqttPort() {
        StackConfig config = DEFAULTS.withEdges(3).withAllowAnonymous(true);

        assertThat(config.edges()).containsExactly(
                new LocalEdge("edge", "edge-1", 1883, true),
                new LocalEdge("edge-2", "edge-2", 1884, true),
                new LocalEdge("edge-3", "edge-3", 1885, true));
        assertThat(Endpoints.of(config).mqttEdges())
                .containsExactly("tcp://127.0.0.1:1883", "tcp://127.0.0.1:1884", "tcp://127.0.0.1:1885");
        assertThat(Endpoints.of(config).mqtt(2)).isEqualTo("tcp://127.0.0.1:1884");
    }

    @Test
    void shouldRejectNoEdgesAndMoreEdgesThanTheMaximum() {
        assertThatThrownBy(() -> DEFAULTS.withEdges(0))
                .isInstanceOf(StackException.class)
                .hasMessage("the number of edges must be between 1 and 16, got 0");
        assertThatThrownBy(() -> DEFAULTS.withEdges(17))
                .isInstanceOf(StackException.class)
                .hasMessage("the number of edges must be between 1 and 16, got 17");
    }

    @Test
    void shouldRejectAnEdgeWhosePortAnotherServiceHas() {
        // edge-2 would listen on 9092, Kafka's port
        assertThatThrownBy(() -> DEFAULTS.withPorts(9092, 9093, 9042, 7000, 8081, 9091).withEdges(2))
                .isInstanceOf(StackException.class)
                .hasMessage("MQTT of edge-2 and Kafka are both configured on port 9092; give each its own port");
    }

    @Test
    void shouldRejectEdgesWhosePortsGoBeyondTheLastPort() {
        assertThatThrownBy(() -> DEFAULTS.withPorts(9092, 9093, 9042, 7000, 8081, 65534).withEdges(3))
                .isInstanceOf(StackException.class)
                .hasMessage("the MQTT ports of 3 edges, 65534-65536, go beyond 65535; choose a lower MQTT port");
    }

    @Test
    void shouldAllowNonRestoredStateOnlyWhenAskedFor() {
        assertThat(DEFAULTS.withJobRestore(JobRestore.RESUME_ALLOW_NON_RESTORED_STATE).allowNonRestoredState()).isTrue();
        assertThat(DEFAULTS.withJobRestore(JobRestore.FRESH).allowNonRestoredState()).isFalse();
    }

    @Test
    void shouldRejectTwoServicesOnOnePort() {
        assertThatThrownBy(() -> DEFAULTS.withPorts(9092, 9093, 9042, 7000, 9092, 1883))
                .isInstanceOf(StackException.class)
                .hasMessage("Flink REST/web UI and Kafka are both configured on port 9092; give each its own port");
    }

    @Test
    void shouldRejectAPortOutOfRange() {
        assertThatThrownBy(() -> DEFAULTS.withPorts(9092, 9093, 9042, 7000, 8081, 70000))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("MQTT port must be between 1 and 65535");
    }

    @Test
    void shouldRejectAKeyspaceCassandraWouldRefuse() {
        assertThatThrownBy(() -> new StackConfig(HOME, Path.of("d"), "127.0.0.1", 9092, 9093, 9042, 7000, 8081, 1883,
                "drop table", 1, false, JobRestore.RESUME))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("keyspace");
    }

    @Test
    void shouldConnectToLoopbackWhenBoundToEveryInterface() {
        StackConfig config = new StackConfig(HOME, Path.of("d"), "0.0.0.0", 9092, 9093, 9042, 7000, 8081, 1883,
                "gull", 1, false, JobRestore.RESUME);

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
