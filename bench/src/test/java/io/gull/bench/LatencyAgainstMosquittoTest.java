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
 * The whole latency scenario, 2 s at 200 msg/s, against a Mosquitto the benchmark starts itself. Checks that it
 * runs, counts and reports; asserts nothing about how fast (the machine is shared).
 */
class LatencyAgainstMosquittoTest {
    @Test
    void latencyScenarioRunsAgainstMosquittoAndWritesItsResults(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(MosquittoBroker.executable().isPresent(),
                "mosquitto is not installed (apt-get install mosquitto): skipping the run against it");
        int exit = BenchMain.execute("latency", "--baseline-only", "--rate", "200", "--warmup", "0.5", "--duration", "2",
                "--publishers", "2", "--settle", "0.2", "--results-dir", dir.toString());
        assertThat(exit).isZero();
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.sorted().toList();
        }
        assertThat(files).hasSize(2);
        assertThat(files.get(1).getFileName().toString()).startsWith("latency-").endsWith(".md");
        JsonNode result = new ObjectMapper().readTree(Files.readString(files.get(0)));
        JsonNode mosquitto = result.path("targets").get(0);
        assertThat(mosquitto.path("target").asText()).isEqualTo("mosquitto");
        assertThat(mosquitto.path("sent").asLong()).isEqualTo(500);
        assertThat(mosquitto.path("expected").asLong()).isEqualTo(500);
        assertThat(mosquitto.path("latency").path("count").asLong()).isEqualTo(400);
        assertThat(mosquitto.path("missing").asLong()).isZero();
        assertThat(mosquitto.path("duplicates").asLong()).isZero();
        assertThat(Files.readString(files.get(1))).contains("| mosquitto |");
    }

    @Test
    void theMqttClientRunsOnTheNettyTheParentForces() {
        // the HiveMQ client is built against Netty 4.1; the run above is what shows it works on this one
        assertThat(io.netty.util.Version.identify().get("netty-common").artifactVersion()).startsWith("4.2.");
    }
}
