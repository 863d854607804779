package io.gull.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ReportRenderingTest {
    private static final MachineInfo MACHINE = new MachineInfo("host", "Linux 6", "amd64", 2, "EPYC", 24_000, "OpenJDK 17", "0.10 0.20 0.30");

    private static TargetResult result(String target, double p50, double p99) {
        return new TargetResult(target, 1000, 999.5, 30, 40_000, 40_000,
                new LatencySummary(30_000, p50, p50 * 2, p99, p99 * 2, p99 * 3), 1, 1, 2, 0, 0.4, 35.5);
    }

    private static BenchReport report(List<TargetResult> targets) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("rate", 1000.0);
        parameters.put("qos", 1);
        return new BenchReport("latency", "2026-12-01T20:00:00Z", MACHINE, "bench/run latency", parameters, targets,
                "1.00 1.00 1.00", List.of("a note"));
    }

    @Test
    void markdownHasOneRowPerTargetAndTheRatio() {
        String markdown = ReportMarkdown.render(report(List.of(result("mosquitto", 0.5, 2), result("gull", 3, 12))));
        assertThat(markdown)
                .contains("| target | rate/s | sent | deliveries | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | missing | duplicates | generator CPU |")
                .contains("| mosquitto | 1000 | 40000 | 30000 | 0.50 | 1 | 2 | 4 | 6 | 1 | 2 | 35.5 % |")
                .contains("| gull | 1000 | 40000 | 30000 | 3 | 6 | 12 | 24 | 36 | 1 | 2 | 35.5 % |")
                .contains("| **gull/mosquitto** | | | | 6.0x | 6.0x | 6.0x | 6.0x | 6.0x | | | |")
                .contains("rate 1000.0, qos 1")
                .contains("load average 0.10 0.20 0.30 at start, 1.00 1.00 1.00 at end")
                .contains("a note");
    }

    @Test
    void noRatioWithOnlyTheBaseline() {
        assertThat(ReportMarkdown.render(report(List.of(result("mosquitto", 0.5, 2))))).doesNotContain("gull/mosquitto");
    }

    @Test
    void ratioOfAZeroBaselineIsNotANumber() {
        assertThat(ReportMarkdown.ratio(5, 0)).isEqualTo("n/a");
        assertThat(ReportMarkdown.ratio(5, 2)).isEqualTo("2.5x");
    }

    @Test
    void numbersKeepThreeSignificantDigitsOrSo() {
        assertThat(ReportMarkdown.num(0.314)).isEqualTo("0.31");
        assertThat(ReportMarkdown.num(17.71)).isEqualTo("17.7");
        assertThat(ReportMarkdown.num(1306.2)).isEqualTo("1306");
        assertThat(ReportMarkdown.num(42)).isEqualTo("42");
    }

    @Test
    void jsonAndMarkdownFilesAreWrittenSideBySide(@TempDir Path dir) throws Exception {
        BenchReport report = report(List.of(result("mosquitto", 0.5, 2)));
        Path json = ResultFiles.write(dir.resolve("results"), "latency", Instant.parse("2026-12-01T20:00:00Z"), report,
                ReportMarkdown.render(report));
        assertThat(json.getFileName().toString()).isEqualTo("latency-20261201T200000Z.json");
        assertThat(dir.resolve("results/latency-20261201T200000Z.md")).exists();
        JsonNode tree = new ObjectMapper().readTree(Files.readString(json));
        assertThat(tree.path("scenario").asText()).isEqualTo("latency");
        assertThat(tree.path("machine").path("cores").asInt()).isEqualTo(2);
        assertThat(tree.path("commandLine").asText()).isEqualTo("bench/run latency");
        JsonNode target = tree.path("targets").get(0);
        assertThat(target.path("target").asText()).isEqualTo("mosquitto");
        assertThat(target.path("latency").path("p99Ms").asDouble()).isEqualTo(2.0);
        assertThat(target.path("latency").path("p999Ms").asDouble()).isEqualTo(4.0);
        assertThat(target.path("missing").asLong()).isEqualTo(1);
        assertThat(target.path("duplicates").asLong()).isEqualTo(2);
    }

    @Test
    void sessionsStateTableShowsBytesPerSessionAgainstTheTarget() {
        SessionsStateResult result = new SessionsStateResult("gull", 100_000, 10, 3600, 498.7, 200.5, 0,
                new CheckpointStats(4, 1000, 1_000_000, 20_000), new CheckpointStats(9, 9000, 81_000_000, 5_000_000),
                800.0, 1024);
        SessionsStateReport report = new SessionsStateReport("sessions-state", "2026-12-01T20:00:00Z", MACHINE, "bench/run sessions-state",
                Map.of(), result, "1.00 1.00 1.00", List.of());
        assertThat(report.markdown())
                .contains("| 100000 | 10 | 499 | 0 | 1000000 B (checkpoint 4) | 81000000 B (checkpoint 9) | 800 | <= 1024 |");
        assertThat(ResultFiles.json(report)).contains("\"bytesPerSession\" : 800.0");
    }
}
