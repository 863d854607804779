package io.gull.bench;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"QoS 1 publish -> PUBACK throughput and latency, closed loop, MQTT 3.1.1, at each connection "
                + "count: Mosquitto, Gull's edge (edge A of --gull-mqtt) and a raw Kafka producer writing the edge's "
                + "envelopes with the edge's producer settings (acks=all) to a bench topic on --gull-kafka.",
                "CPU per message of the servers comes from /proc: Mosquitto's pid, and the edge + Kafka pids from the "
                        + "stack's pid files (--gull-data-dir)."})
final class IngestCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--connections", split = ",", defaultValue = "1,10,100", paramLabel = "N[,N...]",
            description = "Connection counts, one measured step each (default: ${DEFAULT-VALUE}).")
    List<Integer> connections;

    @Option(names = "--in-flight", defaultValue = "16",
            description = "Unacknowledged publishes per connection (default: ${DEFAULT-VALUE}).")
    int inFlight;

    @Option(names = "--warmup", defaultValue = "5", description = "Warm-up seconds before each step (default: ${DEFAULT-VALUE}).")
    double warmup;

    @Option(names = "--duration", defaultValue = "20", description = "Measured seconds per step (default: ${DEFAULT-VALUE}).")
    double duration;

    @Option(names = "--payload-bytes", defaultValue = "64", description = "Payload size (default: ${DEFAULT-VALUE}).")
    int payloadBytes;

    @Option(names = "--baseline-only", description = "Run only against Mosquitto (no Gull needed).")
    boolean baselineOnly;

    @Option(names = "--kafka-raw", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Run the raw Kafka producer baseline (default: on; --no-kafka-raw skips it).")
    boolean kafkaRaw;

    @Option(names = "--kafka-topic", description = "The raw baseline's topic, created with gull.ingress's partitions"
            + " and deleted at the end (default: gull.bench.ingress.<run id>).")
    String kafkaTopic;

    @Option(names = "--pause-jobs", description = "Stop Gull's Flink jobs with a savepoint (Flink REST) once the edge's"
            + " clients are connected, and resume them after the Gull part (./gull jobs rescale <job> --parallelism <p>).")
    boolean pauseJobs;

    @Option(names = "--gull-flink", defaultValue = "http://127.0.0.1:8081", description = "Flink REST API (default: ${DEFAULT-VALUE}).")
    URI flink;

    @Option(names = "--gull-data-dir", description = "The stack's data dir: pid files for CPU, and --pause-jobs "
            + "(default: $GULL_DATA_DIR, else <gull home>/.gull).")
    Path dataDir;

    @Override
    public Integer call() throws Exception {
        IngestSettings settings = new IngestSettings(connections, inFlight, warmup, duration, payloadBytes);
        Path home = GullHome.directory();
        Path stackDir = dataDir != null ? dataDir : GullHome.dataDir(System.getenv("GULL_DATA_DIR"), home);
        Optional<FlinkJobPause> pause = pauseJobs && !baselineOnly
                ? Optional.of(new FlinkJobPause(new FlinkRest(flink), stackDir, home.resolve("gull")))
                : Optional.empty();
        String topic = kafkaTopic != null ? kafkaTopic : "gull.bench.ingress." + RunIds.next();
        IngestScenario.Options options = new IngestScenario.Options(common.gullTarget(), baselineOnly, kafkaRaw, topic,
                stackDir, pause, common.resultsDir, BenchMain.commandLine());
        return new IngestScenario(settings, options).run();
    }
}
