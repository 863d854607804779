package io.gull.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The whole ingest scenario, briefly (1 and 3 connections, 1 s each), against a Mosquitto the benchmark starts
 * itself. Checks that it runs, counts and reports, with Mosquitto's CPU; asserts nothing about how fast.
 */
class IngestAgainstMosquittoTest {
    @Test
    void ingestScenarioRunsAgainstMosquittoAndWritesItsResults(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(MosquittoBroker.executable().isPresent(),
                "mosquitto is not installed (apt-get install mosquitto): skipping the run against it");
        int exit = BenchMain.execute("ingest", "--baseline-only", "--connections", "1,3", "--in-flight", "4",
                "--warmup", "0.3", "--duration", "1", "--results-dir", dir.toString());
        assertThat(exit).isZero();
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.sorted().toList();
        }
        assertThat(files).hasSize(2);
        assertThat(files.get(1).getFileName().toString()).startsWith("ingest-").endsWith(".md");
        JsonNode results = new ObjectMapper().readTree(Files.readString(files.get(0))).path("results");
        assertThat(results).hasSize(2);
        for (int i = 0; i < 2; i++) {
            JsonNode step = results.get(i);
            assertThat(step.path("target").asText()).isEqualTo("mosquitto");
            assertThat(step.path("connections").asInt()).isEqualTo(i == 0 ? 1 : 3);
            assertThat(step.path("acked").asLong()).isPositive();
            assertThat(step.path("errors").asLong()).isZero();
            assertThat(step.path("unfinished").asLong()).isZero();
            assertThat(step.path("ackLatency").path("count").asLong()).isEqualTo(step.path("acked").asLong());
            assertThat(step.path("serverCpu").get(0).path("name").asText()).isEqualTo("mosquitto");
            assertThat(step.path("serverCpuMicrosPerMessage").asDouble()).isGreaterThanOrEqualTo(0);
        }
        assertThat(Files.readString(files.get(1))).contains("| mosquitto | 1 |").contains("| mosquitto | 3 |");
    }
}
