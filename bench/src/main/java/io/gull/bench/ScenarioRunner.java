package io.gull.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one scenario against Mosquitto (started here, stopped at the end) and then, unless baseline-only, against
 * Gull, in the same JVM with the same generator; prints the Markdown table to stdout and writes the result files.
 * A failing target is reported (in the notes, and by the exit code) without losing the other target's numbers.
 */
public final class ScenarioRunner {
    private final RunOptions options;

    /** Where Gull is and where results go. */
    public record RunOptions(Target gull, boolean baselineOnly, Path resultsDir, String commandLine) {
    }

    public ScenarioRunner(RunOptions options) {
        this.options = options;
    }

    /** @return 0 when every target ran, 1 when one failed */
    public int run(Scenario scenario) throws Exception {
        Instant startedAt = Instant.now();
        MachineInfo machine = MachineInfo.detect();
        List<TargetResult> results = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int exit = 0;
        if (NoiseCheck.oneMinute(machine.loadAverage()) > NoiseCheck.BUSY_LOAD) {
            Progress.say("bench", "the machine is busy (load average " + machine.loadAverage() + "): expect noisy numbers");
        }
        try (MosquittoBroker mosquitto = MosquittoBroker.start()) {
            String version = MosquittoBroker.version();
            notes.add("Baseline: " + version + ", started by the benchmark on " + mosquitto.endpoint()
                    + " (no persistence, TCP_NODELAY).");
            Progress.say("mosquitto", version + " started on " + mosquitto.endpoint() + " (pid " + mosquitto.pid() + ")");
            results.add(scenario.run(new Target("mosquitto", List.of(mosquitto.endpoint()), java.util.Optional.empty())));
        } catch (MosquittoNotInstalledException e) {
            throw e;
        } catch (Exception e) {
            notes.add("mosquitto: FAILED: " + Failures.describe(e));
            Progress.say("mosquitto", "FAILED: " + Failures.describe(e));
            exit = 1;
        }
        if (!options.baselineOnly()) {
            try {
                results.add(scenario.run(options.gull()));
            } catch (Exception e) {
                notes.add("gull: FAILED: " + Failures.describe(e));
                Progress.say("gull", "FAILED: " + Failures.describe(e) + " (is Gull up? check --gull-mqtt / --gull-kafka)");
                exit = 1;
            }
        }
        notes.add(0, "Latency is from the time each message was due to be sent (open loop) to its reception, both in the "
                + "load generator's JVM. Numbers measured while other work runs on the machine are noise.");
        String loadAtEnd = MachineInfo.currentLoadAverage();
        List<String> warnings = NoiseCheck.warnings(machine.loadAverage(), loadAtEnd, results);
        warnings.forEach(w -> Progress.say("bench", w));
        notes.addAll(0, warnings);
        BenchReport report = new BenchReport(scenario.name(), startedAt.toString(), machine, options.commandLine(),
                scenario.parameters(), results, loadAtEnd, notes);
        String markdown = ReportMarkdown.render(report);
        System.out.println(markdown);
        Path json = ResultFiles.write(options.resultsDir(), scenario.name(), startedAt, report, markdown);
        Progress.say("bench", "results in " + json + " and .md");
        return exit;
    }
}
