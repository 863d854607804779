package io.gull.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import picocli.CommandLine.Option;

/** Where Gull is, and where results go: the options every scenario shares. */
public final class CommonOptions {
    @Option(names = "--gull-mqtt", defaultValue = "tcp://127.0.0.1:1883,tcp://127.0.0.1:1884",
            description = "Gull's MQTT edges, edge A first, comma-separated (default: ${DEFAULT-VALUE}).")
    String gullMqtt;

    @Option(names = "--gull-kafka", defaultValue = "127.0.0.1:9092",
            description = "Gull's Kafka bootstrap servers, for commands (default: ${DEFAULT-VALUE}).")
    String gullKafka;

    @Option(names = "--results-dir", defaultValue = "${sys:gull.bench.results:-bench/results}",
            description = "Where the JSON and Markdown results go (default: ${DEFAULT-VALUE}).")
    Path resultsDir;

    public Target gullTarget() {
        List<Endpoint> edges = Arrays.stream(gullMqtt.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(Endpoint::parse).toList();
        return new Target("gull", edges, Optional.of(gullKafka));
    }

    public ScenarioRunner.RunOptions runOptions(boolean baselineOnly) {
        return new ScenarioRunner.RunOptions(gullTarget(), baselineOnly, resultsDir, BenchMain.commandLine());
    }
}
