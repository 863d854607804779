package io.gull.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ingest scenario: QoS 1 publish -> PUBACK throughput and latency, closed loop, at each connection count, against
 * (a) a Mosquitto started here, (b) Gull's edge (edge A of {@code --gull-mqtt}) and (c) a raw Kafka producer writing
 * the edge's envelopes with the edge's producer settings to a bench topic on Gull's Kafka. The edge's clients connect
 * before the jobs are paused (a CONNECT needs the sessions job's auth decision) and are reused by every step.
 */
public final class IngestScenario {
    /**
     * Where Gull is and what to run.
     *
     * @param gull        Gull's edges and Kafka
     * @param baselineOnly only Mosquitto
     * @param kafkaRaw    run the raw Kafka producer baseline (c)
     * @param kafkaTopic  the baseline's topic, created and deleted by the run
     * @param dataDir     the stack's data dir: pid files (CPU) and --pause-jobs
     * @param pause       suspends the Flink jobs during the Gull part, when asked for
     */
    public record Options(Target gull, boolean baselineOnly, boolean kafkaRaw, String kafkaTopic, Path dataDir,
                          Optional<FlinkJobPause> pause, Path resultsDir, String commandLine) {
    }

    private final IngestSettings settings;
    private final Options options;

    public IngestScenario(IngestSettings settings, Options options) {
        this.settings = settings;
        this.options = options;
    }

    /** @return 0 when every target ran, 1 when one failed (its failure is in the notes) */
    public int run() throws Exception {
        Instant startedAt = Instant.now();
        MachineInfo machine = MachineInfo.detect();
        String run = RunIds.next();
        byte[] payload = payload(settings.payloadBytes());
        IngestRun steps = new IngestRun(settings);
        List<IngestResult> results = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> paused = new ArrayList<>();
        int exit = 0;
        try (MosquittoBroker mosquitto = MosquittoBroker.start()) {
            notes.add("Baseline: " + MosquittoBroker.version() + ", started by the benchmark on " + mosquitto.endpoint()
                    + " (no persistence, TCP_NODELAY).");
            Progress.say("mosquitto", "started on " + mosquitto.endpoint() + " (pid " + mosquitto.pid() + ")");
            try (MqttIngestTarget target = new MqttIngestTarget("mosquitto", mosquitto.endpoint(), run, payload,
                    List.of(new ServerProcess("mosquitto", mosquitto.pid(), true)))) {
                results.addAll(steps.steps(target));
            }
        } catch (MosquittoNotInstalledException e) {
            throw e;
        } catch (Exception e) {
            exit = failed("mosquitto", e, notes);
        }
        if (!options.baselineOnly()) {
            GullStackProcesses processes = GullStackProcesses.read(options.dataDir());
            if (processes.isEmpty()) {
                notes.add("No live pid files in " + options.dataDir().resolve("run") + ": Gull's CPU is unknown (pass"
                        + " the stack's data dir with --gull-data-dir).");
            }
            Target gull = options.gull();
            MqttIngestTarget edge = new MqttIngestTarget("gull-edge", gull.edgeA(), run, payload, processes.forEdgeTarget());
            KafkaIngestTarget kafka = new KafkaIngestTarget(gull.kafkaBootstrap().orElseThrow(), options.kafkaTopic(), run,
                    payload, processes.forKafkaTarget());
            try {
                Progress.say("gull-edge", "connecting " + settings.maxConnections() + " MQTT 3.1.1 clients to " + gull.edgeA());
                edge.open(settings.maxConnections());
                if (options.pause().isPresent()) {
                    options.pause().get().pause().forEach(job -> paused.add(job.name()));
                }
                results.addAll(steps.steps(edge));
            } catch (Exception e) {
                exit = failed("gull-edge", e, notes);
            } finally {
                edge.close();
            }
            if (options.kafkaRaw()) {
                try {
                    results.addAll(steps.steps(kafka));
                } catch (Exception e) {
                    exit = failed("kafka-raw", e, notes);
                } finally {
                    kafka.close();
                }
            }
            if (options.pause().isPresent() && !options.pause().get().resume()) {
                notes.add("RESUMING THE FLINK JOBS FAILED: see the lines above, and run the ./gull jobs rescale"
                        + " commands they name.");
                exit = 1;
            }
        }
        notes.add(0, "Closed loop: every connection keeps " + settings.inFlight() + " QoS 1 publishes unacknowledged"
                + " and sends the next one on each PUBACK (kafka-raw: producer ack, acks=all), so the ack latency is"
                + " about connections x in-flight / throughput. Server CPU per message counts "
                + "Mosquitto's process, or for Gull the edges and Kafka (kafka-raw: Kafka only; its producer is in the"
                + " generator); Flink and Cassandra are shown, not counted.");
        String loadAtEnd = MachineInfo.currentLoadAverage();
        if (NoiseCheck.oneMinute(machine.loadAverage()) > NoiseCheck.BUSY_LOAD
                || NoiseCheck.oneMinute(loadAtEnd) > NoiseCheck.BUSY_LOAD) {
            notes.add(0, "WARNING: the machine was busy (1-minute load average " + machine.loadAverage() + " at start, "
                    + loadAtEnd + " at end): other work shared the cores, treat these numbers as noise.");
        }
        IngestReport report = new IngestReport("ingest", startedAt.toString(), machine, options.commandLine(),
                parameters(), results, paused, loadAtEnd, notes);
        String markdown = IngestMarkdown.render(report);
        System.out.println(markdown);
        Path json = ResultFiles.write(options.resultsDir(), "ingest", startedAt, report, markdown);
        Progress.say("bench", "results in " + json + " and .md");
        return exit;
    }

    private Map<String, Object> parameters() {
        Map<String, Object> p = settings.describe();
        p.put("kafkaRawTopic", options.baselineOnly() || !options.kafkaRaw() ? "none" : options.kafkaTopic());
        p.put("pauseJobs", options.pause().isPresent());
        return p;
    }

    private static int failed(String target, Exception e, List<String> notes) {
        notes.add(target + ": FAILED: " + Failures.describe(e));
        Progress.say(target, "FAILED: " + Failures.describe(e));
        return 1;
    }

    /** A payload of {@code size} bytes of printable text (its content does not matter to any target). */
    static byte[] payload(int size) {
        byte[] out = new byte[size];
        for (int i = 0; i < size; i++) {
            out[i] = (byte) ('a' + i % 26);
        }
        return out;
    }
}
