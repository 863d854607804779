package io.gull.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.gull.schemas.Codecs;
import picocli.CommandLine;

/** The pure parts of the ingest scenario: options, settings, CPU arithmetic, pid files, envelopes, the table. */
class IngestPartsTest {
    private static final MachineInfo MACHINE = new MachineInfo("host", "Linux 6", "amd64", 2, "EPYC", 24_000,
            "OpenJDK 17", "0.50 0.40 0.30");

    private static IngestCommand parse(String... args) {
        IngestCommand command = new IngestCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void shouldMeasureOneTenAndAHundredConnectionsWithSixteenInFlightByDefault() {
        IngestCommand command = parse();
        assertThat(command.connections).containsExactly(1, 10, 100);
        assertThat(command.inFlight).isEqualTo(16);
        assertThat(command.payloadBytes).isEqualTo(64);
        assertThat(command.kafkaRaw).isTrue();
        assertThat(command.pauseJobs).isFalse();
    }

    @Test
    void shouldTakeAConnectionListAndSkipTheKafkaBaselineWhenAsked() {
        IngestCommand command = parse("--connections", "1,10,100,1000", "--in-flight", "4", "--no-kafka-raw", "--pause-jobs",
                "--gull-data-dir", "/tmp/gull-bench");
        assertThat(command.connections).containsExactly(1, 10, 100, 1000);
        assertThat(command.inFlight).isEqualTo(4);
        assertThat(command.kafkaRaw).isFalse();
        assertThat(command.pauseJobs).isTrue();
        assertThat(command.dataDir).isEqualTo(Path.of("/tmp/gull-bench"));
        assertThat(parse("--connections", "5").connections).containsExactly(5);
    }

    @Test
    void shouldRefuseSettingsThatCannotRun() {
        assertThatThrownBy(() -> new IngestSettings(List.of(), 16, 1, 1, 64)).hasMessageContaining("--connections");
        assertThatThrownBy(() -> new IngestSettings(List.of(1, 0), 16, 1, 1, 64)).hasMessageContaining("--connections");
        assertThatThrownBy(() -> new IngestSettings(List.of(1), 0, 1, 1, 64)).hasMessageContaining("--in-flight");
        assertThatThrownBy(() -> new IngestSettings(List.of(1), 16, 1, 0, 64)).hasMessageContaining("--duration");
        assertThatThrownBy(() -> new IngestSettings(List.of(1), 16, 1, 1, 0)).hasMessageContaining("--payload-bytes");
        assertThat(new IngestSettings(List.of(10, 100, 1), 16, 1, 1, 64).maxConnections()).isEqualTo(100);
    }

    @Test
    void shouldReadUserAndSystemTicksFromAStatLineWhoseNameHasSpaces() {
        String stat = "4242 (java main) S 1 4242 4242 0 -1 4194560 1000 0 0 0 250 75 0 0 20 0 40 0 123 456 789";
        assertThat(ServerCpu.ticks(stat)).isEqualTo(325);
    }

    @Test
    void shouldReadThisProcessCpuFromProc() {
        assertThat(ServerCpu.nanos(ProcessHandle.current().pid())).isPresent();
        assertThat(ServerCpu.nanos(Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void shouldSumCpuPerMessageOfTheCountedServersOnly() {
        List<ServerCpu.Use> uses = List.of(
                new ServerCpu.Use("edge", 1, true, 2_000, -1).per(100_000),
                new ServerCpu.Use("kafka", 2, true, 1_000, -1).per(100_000),
                new ServerCpu.Use("flink", 3, false, 500, -1).per(100_000));
        assertThat(uses).extracting(ServerCpu.Use::microsPerMessage).containsExactly(20.0, 10.0, 5.0);
        assertThat(ServerCpu.countedMicrosPerMessage(uses)).isEqualTo(30.0);
        assertThat(ServerCpu.countedMicrosPerMessage(List.of(new ServerCpu.Use("edge", 1, true, -1, -1).per(10))))
                .isEqualTo(-1);
        assertThat(ServerCpu.perMessageMicros(1_000_000, 0)).isEqualTo(-1);
    }

    @Test
    void shouldFindTheLiveServersOfAStackFromItsPidFiles(@TempDir Path dataDir) throws Exception {
        Path run = Files.createDirectories(dataDir.resolve("run"));
        long me = ProcessHandle.current().pid();
        Files.writeString(run.resolve("kafka.pid"), "#Gull kafka process\npid=" + me + "\nservice=kafka\n");
        Files.writeString(run.resolve("edge.pid"), "pid=" + me + "\n");
        Files.writeString(run.resolve("flink.pid"), "pid=" + me + "\n");
        Files.writeString(run.resolve("cassandra.pid"), "pid=" + Long.MAX_VALUE + "\n"); // not alive
        Files.writeString(run.resolve("flink-jobs.properties"), "x=y\n");

        GullStackProcesses processes = GullStackProcesses.read(dataDir);

        assertThat(processes.pidsByService()).containsOnlyKeys("edge", "flink", "kafka");
        assertThat(processes.forEdgeTarget()).extracting(ServerProcess::name, ServerProcess::counted)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("edge", true),
                        org.assertj.core.groups.Tuple.tuple("flink", false),
                        org.assertj.core.groups.Tuple.tuple("kafka", true));
        assertThat(processes.forKafkaTarget()).filteredOn(ServerProcess::counted).extracting(ServerProcess::name)
                .containsExactly("kafka");
        assertThat(GullStackProcesses.read(dataDir.resolve("nowhere")).isEmpty()).isTrue();
    }

    @Test
    void shouldWriteEnvelopesShapedAsTheEdgesKeyedByClientId() {
        var envelope = IngestEnvelopes.envelope("r1", 7, 65_536, new byte[64], Instant.parse("2026-12-02T10:00:00Z"));
        var decoded = Codecs.PUBLISH.decode(Codecs.PUBLISH.encode(envelope));
        assertThat(decoded.getClientId()).isEqualTo(IngestEnvelopes.clientId("r1", 7));
        assertThat(decoded.getMessageId()).isEqualTo(decoded.getConnectionId() + ":65536");
        assertThat(decoded.getTenant()).isEqualTo("$anonymous");
        assertThat(decoded.getQos()).isEqualTo(1);
        assertThat(decoded.getPacketId()).isEqualTo(1); // 1..65535, wrapping as MQTT packet ids do
        assertThat(decoded.getPayload().remaining()).isEqualTo(64);
    }

    @Test
    void shouldUseTheEdgesProducerSettings() {
        Map<String, Object> props = EdgeProducerSettings.producer("k:9092", "id");
        assertThat(props).containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, 2)
                .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000)
                .containsEntry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 30_000)
                .containsEntry(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1024 * 1024)
                .containsEntry(ProducerConfig.BUFFER_MEMORY_CONFIG, 74L * 1024 * 1024);
    }

    @Test
    void shouldResumeAPausedJobThroughTheCliAtItsParallelism() {
        assertThat(FlinkJobPause.resumeCommand(Path.of("/g/gull"), new FlinkRest.Job("abc", "gull-sessions", "FINISHED", 2),
                Path.of("/tmp/gull-bench")))
                .containsExactly("/g/gull", "jobs", "rescale", "gull-sessions", "--parallelism", "2", "--data-dir",
                        "/tmp/gull-bench");
    }

    @Test
    void shouldPickTheStacksDataDirAsTheGullScriptDoes() {
        assertThat(GullHome.dataDir(null, Path.of("/g"))).isEqualTo(Path.of("/g/.gull"));
        assertThat(GullHome.dataDir("/tmp/d", Path.of("/g"))).isEqualTo(Path.of("/tmp/d"));
    }

    @Test
    void shouldRenderThroughputRatiosToMosquittoAtTheSameConnectionCount() {
        List<IngestResult> results = List.of(result("mosquitto", 10, 100_000, 10.0), result("gull-edge", 10, 25_000, 40.0),
                result("kafka-raw", 10, 50_000, 8.0), result("gull-edge", 100, 30_000, 35.0));
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("inFlightPerConnection", 16);
        IngestReport report = new IngestReport("ingest", "2026-12-02T10:00:00Z", MACHINE, "bench/run ingest", parameters,
                results, List.of("gull-sessions"), "0.6 0.5 0.4", List.of("a note"));

        String markdown = IngestMarkdown.render(report);

        assertThat(markdown).contains("| mosquitto | 10 | 100000 | 1x | 0.50 | 2 | 4 | 0 | 10 | mosquitto 10 | - | 50 % |")
                .contains("| gull-edge | 10 | 25000 | 0.25x |")
                .contains("| kafka-raw | 10 | 50000 | 0.50x |")
                .contains("| gull-edge | 100 | 30000 | n/a |")
                .contains("Flink jobs paused during the Gull part: gull-sessions.")
                .contains("a note");
        assertThat(ResultFiles.json(report)).contains("\"messagesPerSecond\" : 25000.0").contains("\"jobsPaused\"");
    }

    @Test
    void shouldReadFlinkJobsAndSavepointStatus() throws Exception {
        var job = FlinkRest.jobIn(FlinkRest.parse("""
                {"jid":"j1","name":"gull-sessions","state":"RUNNING",
                 "vertices":[{"id":"v1","parallelism":1},{"id":"v2","parallelism":2}]}"""));
        assertThat(job).isEqualTo(new FlinkRest.Job("j1", "gull-sessions", "RUNNING", 2));
        var done = FlinkRest.savepointStatusIn(FlinkRest.parse("""
                {"status":{"id":"COMPLETED"},"operation":{"location":"file:/tmp/sp/savepoint-1"}}"""));
        assertThat(done).isEqualTo(new FlinkRest.SavepointStatus(true, java.util.Optional.of("file:/tmp/sp/savepoint-1"),
                java.util.Optional.empty()));
        var failed = FlinkRest.savepointStatusIn(FlinkRest.parse("""
                {"status":{"id":"COMPLETED"},"operation":{"failure-cause":{"class":"x","stack-trace":"java.lang.Exception: no\\n at x"}}}"""));
        assertThat(failed.failure()).contains("java.lang.Exception: no");
        assertThat(FlinkRest.savepointStatusIn(FlinkRest.parse("{\"status\":{\"id\":\"IN_PROGRESS\"}}")).completed()).isFalse();
    }

    private static IngestResult result(String target, int connections, double perSecond, double cpuMicros) {
        String process = target.equals("mosquitto") ? "mosquitto" : "edge";
        return new IngestResult(target, connections, 16, (long) perSecond * 20, 20, perSecond,
                new LatencySummary(1000, 0.5, 1, 2, 4, 8), (long) perSecond * 25, 0, 0, null,
                List.of(new ServerCpu.Use(process, 1, true, cpuMicros * perSecond * 20 / 1000, cpuMicros)), cpuMicros, 50, 9.5);
    }
}
