package io.gull.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.gull.devstack.testing.InstallDir;
import io.gull.devstack.testing.SharedStack;

/** The full stack as {@code gull up} starts it: both Flink jobs submitted over REST and RUNNING, both edges listening. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedStackTest {

    @BeforeAll
    static void requireEveryModuleBuilt() {
        Path root = InstallDir.find();
        assumeTrue(Files.isRegularFile(root.resolve("flink-jobs/target/gull-flink-jobs.jar"))
                        && Files.isDirectory(root.resolve("mqtt-edge/target/lib")),
                "flink-jobs or mqtt-edge is not built (./mvnw -DskipTests package); skipping the full-stack test");
    }

    @Test
    @Order(1)
    void shouldRunEveryServiceWithBothJobsAndBothEdges() {
        SharedStack shared = SharedStack.get();

        Map<String, ServiceStatus> status = shared.stack().status().stream()
                .collect(Collectors.toMap(ServiceStatus::name, s -> s));
        assertThat(status.keySet()).containsExactlyInAnyOrder("kafka", "cassandra", "flink", "edge", "edge-2");
        assertThat(status.values()).allMatch(ServiceStatus::running);
        assertThat(status.get("flink").detail()).isEqualTo("jobs: SessionsJob RUNNING, TelemetryJob RUNNING");
        assertThat(status.get("edge").detail()).isEqualTo("accepting connections");
        assertThat(status.get("edge-2").detail()).isEqualTo("accepting connections");
        int port = shared.config().mqttPort();
        assertThat(shared.mqttEdges()).containsExactly("tcp://127.0.0.1:" + port, "tcp://127.0.0.1:" + (port + 1));
        assertThat(Endpoints.load(shared.config().dataDir())).contains(shared.endpoints());
    }

    @Test
    @Order(2)
    void shouldLeaveJobsAloneThatAlreadyRun() {
        SharedStack shared = SharedStack.get();
        StackLayout layout = StackLayout.of(shared.config());
        Map<String, String> before = FlinkJobRecords.of(layout).load();
        List<String> progress = new CopyOnWriteArrayList<>();

        new FlinkJobSubmitter(new FlinkRestClient(shared.endpoints().flinkRestUrl()), layout.flinkJobsJar(),
                FlinkJobSubmitter.programArgs(shared.config()), FlinkJobRecords.of(layout), progress::add,
                Duration.ofSeconds(60), layout.logFile("flink"), JobRestore.RESUME).submitAll();

        assertThat(FlinkJobRecords.of(layout).load()).isEqualTo(before);
        assertThat(progress).filteredOn(line -> line.contains("already in the cluster")).hasSize(2);
    }

    @Test
    @Order(3)
    void shouldResumeBothJobsFromTheirCheckpointsWhenFlinkRestarts() {
        SharedStack shared = SharedStack.get();
        FlinkJobRecords records = FlinkJobRecords.of(StackLayout.of(shared.config()));
        await().atMost(Duration.ofSeconds(60)).until(() -> records.load().values().stream()
                .allMatch(jobId -> records.latestCheckpoint(jobId).isPresent()));
        List<String> progress = new CopyOnWriteArrayList<>();
        GullStack later = new GullStack(shared.config(), progress::add);

        later.stopService("flink");
        later.startService("flink");

        assertThat(progress)
                .filteredOn(line -> line.matches(".*submitted \\(job \\p{XDigit}{32}\\), resuming from \\p{XDigit}{32}/chk-\\d+"))
                .hasSize(2);
        assertThat(statusOf(shared, "flink").detail()).isEqualTo("jobs: SessionsJob RUNNING, TelemetryJob RUNNING");
    }

    @Test
    @Order(1)
    void shouldLetAnonymousDevicesIntoEveryEdgeOfTheSharedStack() throws Exception {
        SharedStack shared = SharedStack.get();
        StackLayout layout = StackLayout.of(shared.config());

        for (String edge : List.of("edge", "edge-2")) {
            assertThat(Files.readString(layout.logFile(edge))).contains(EdgeLauncher.ALLOW_ANONYMOUS_ARG);
        }
    }

    @Test
    @Order(4)
    void shouldAddAnEdgeToTheRunningStackAndRefuseItsIdTwice() {
        SharedStack shared = SharedStack.get();
        int port = io.gull.devstack.testing.FreePorts.allocate(1)[0];
        GullStack later = new GullStack(shared.config(), line -> { }); // as ./gull edge: knows only the data dir
        try {
            EdgeEndpoint added = later.addEdge("e3", port);

            assertThat(added).isEqualTo(new EdgeEndpoint("edge-e3", "e3", "tcp://127.0.0.1:" + port));
            assertThat(statusOf(shared, "edge-e3").detail()).isEqualTo("accepting connections");
            assertThat(shared.endpoints().edge("e3")).contains(added);
            assertThatThrownBy(() -> later.addEdge("e3", port + 1))
                    .isInstanceOf(StackException.class)
                    .hasMessageStartingWith("Edge e3 is already running (service edge-e3, pid ");
        } finally {
            later.stopService("edge-e3");
        }
        assertThat(statusOf(shared, "edge-e3").running()).isFalse();
        // leave the shared stack as the other tests expect it: its two edges only
        StackProperties.read(shared.config().dataDir()).orElseThrow().withoutEdge("edge-e3")
                .save(shared.config().dataDir());
    }

    private static ServiceStatus statusOf(SharedStack shared, String name) {
        return shared.stack().status().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }
}
