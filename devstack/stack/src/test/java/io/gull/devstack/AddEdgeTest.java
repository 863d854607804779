package io.gull.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link GullStack#addEdge} refusals, before anything is spawned. A "running" service is simulated by a pid file of
 * this test JVM (never stopped here: nothing in these tests stops services).
 */
class AddEdgeTest {
    @TempDir
    Path dataDir;

    private StackConfig config() {
        return StackConfig.defaults(dataDir.resolve("install"), dataDir);
    }

    private void pretendRunning(String service) {
        PidFile.of(service, ProcessHandle.current()).write(StackLayout.of(config()).pidFile(service));
    }

    @Test
    void shouldRefuseWhenTheStacksKafkaDoesNotRun() {
        StackProperties.write(config());

        assertThatThrownBy(() -> new GullStack(config(), line -> { }).addEdge("e2", 1884))
                .isInstanceOf(StackException.class)
                .hasMessage("Gull's Kafka is not running from " + dataDir
                        + "; an added edge joins a running stack: start it first with ./gull up -d");
    }

    @Test
    void shouldRefuseAPortInUse() throws IOException {
        StackProperties.write(config());
        pretendRunning("kafka");
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = squatter.getLocalPort();

            assertThatThrownBy(() -> new GullStack(config(), line -> { }).addEdge("e2", port))
                    .isInstanceOf(StackException.class)
                    .hasMessage("Port " + port + " (MQTT of e2) is already in use; choose another MQTT port"
                            + " (ss -ltnp shows who listens)");
        }
        assertThat(StackProperties.read(dataDir).orElseThrow().edges()).extracting(LocalEdge::edgeId)
                .containsExactly("edge-1");
    }

    @Test
    void shouldRefuseAnIdThatAnEdgeOfThisDataDirRunsWith() {
        StackProperties.read(dataDir).orElseGet(() -> {
            StackProperties.write(config());
            return StackProperties.read(dataDir).orElseThrow();
        }).withEdge(LocalEdge.added("e2", 1884, false), "127.0.0.1").save(dataDir);
        pretendRunning("kafka");
        pretendRunning("edge-e2");

        assertThatThrownBy(() -> new GullStack(config(), line -> { }).addEdge("e2", 1890))
                .isInstanceOf(StackException.class)
                .hasMessageStartingWith("Edge e2 is already running (service edge-e2, pid "
                        + ProcessHandle.current().pid() + ", MQTT port 1884)");
    }

    @Test
    void shouldListAnAddedEdgeInTheStatusAndTheEndpoints() {
        StackProperties.write(config());
        StackProperties.read(dataDir).orElseThrow().withEdge(LocalEdge.added("e2", 1884, false), "127.0.0.1")
                .save(dataDir);
        GullStack stack = new GullStack(config(), line -> { });

        assertThat(stack.status()).extracting(ServiceStatus::name)
                .containsExactly("kafka", "cassandra", "flink", "edge", "edge-e2");
        assertThat(stack.status()).filteredOn(s -> s.name().equals("edge-e2")).extracting(ServiceStatus::endpoint)
                .containsExactly("tcp://127.0.0.1:1884");
        assertThat(stack.endpoints().mqttEdges()).containsExactly("tcp://127.0.0.1:1883", "tcp://127.0.0.1:1884");
    }

    @Test
    void shouldKnowTheEdgesOfTheLastStartEvenWhenAskedWithDefaultOptions() {
        StackProperties.write(config().withEdges(3));

        GullStack later = new GullStack(config(), line -> { }); // as ./gull status: default options, same data dir

        assertThat(later.status()).extracting(ServiceStatus::name)
                .containsExactly("kafka", "cassandra", "flink", "edge", "edge-2", "edge-3");
    }
}
