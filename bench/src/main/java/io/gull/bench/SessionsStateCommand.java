package io.gull.bench;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "sessions-state", mixinStandardHelpOptions = true,
        description = "Flink state per idle persistent session: N sessions with K subscriptions each, checkpoint size before and after (Gull only).")
final class SessionsStateCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--gull-flink", defaultValue = "http://127.0.0.1:8081", description = "Flink REST API (default: ${DEFAULT-VALUE}).")
    URI flink;

    @Option(names = "--no-flink", description = "Only create the sessions (a dry run against any broker, e.g. --gull-mqtt tcp://127.0.0.1:1883 of a Mosquitto).")
    boolean noFlink;

    @Option(names = "--job", defaultValue = "gull-sessions", description = "The Flink job holding the sessions (default: ${DEFAULT-VALUE}).")
    String job;

    @Option(names = "--sessions", defaultValue = "100000", description = "Sessions to create (default: ${DEFAULT-VALUE}).")
    int sessions;

    @Option(names = "--subscriptions", defaultValue = "10", description = "Subscriptions per session, in one SUBSCRIBE (default: ${DEFAULT-VALUE}).")
    int subscriptions;

    @Option(names = "--session-expiry", defaultValue = "3600", description = "Session Expiry Interval, seconds (default: ${DEFAULT-VALUE}).")
    long sessionExpiry;

    @Option(names = "--connect-rate", defaultValue = "500", description = "Sessions created per second at most (default: ${DEFAULT-VALUE}).")
    double connectRate;

    @Option(names = "--in-flight", defaultValue = "100", description = "Session set-ups under way at once at most (default: ${DEFAULT-VALUE}).")
    int inFlight;

    @Option(names = "--qos", defaultValue = "1", description = "QoS of the subscriptions (default: ${DEFAULT-VALUE}).")
    int qos;

    @Option(names = "--settle", defaultValue = "10", description = "Seconds after the last session before the 'after' checkpoint may start (default: ${DEFAULT-VALUE}).")
    double settle;

    @Option(names = "--checkpoint-wait", defaultValue = "180", description = "Seconds to wait for a checkpoint (default: ${DEFAULT-VALUE}).")
    double checkpointWait;

    @Override
    public Integer call() throws Exception {
        Instant startedAt = Instant.now();
        MachineInfo machine = MachineInfo.detect();
        SessionsStateScenario.Settings settings = new SessionsStateScenario.Settings(sessions, subscriptions, sessionExpiry,
                connectRate, inFlight, qos, settle, checkpointWait, job);
        Optional<FlinkRest> rest = noFlink ? Optional.empty() : Optional.of(new FlinkRest(flink));
        SessionsStateResult result = new SessionsStateScenario(settings).run(common.gullTarget(), rest);
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("sessions", sessions);
        parameters.put("subscriptions", subscriptions);
        parameters.put("sessionExpirySeconds", sessionExpiry);
        parameters.put("connectRate", connectRate);
        parameters.put("job", job);
        parameters.put("flink", noFlink ? "none" : flink.toString());
        List<String> notes = new ArrayList<>();
        notes.add("The sessions stay (expiry " + sessionExpiry + " s): measure on a fresh stack, or restart it with a "
                + "clean data dir before other benchmarks.");
        if (result.bytesPerSession() != null) {
            notes.add(result.bytesPerSession() <= SessionsStateScenario.TARGET_BYTES_PER_SESSION
                    ? "Within the target of " + SessionsStateScenario.TARGET_BYTES_PER_SESSION + " B per session."
                    : "ABOVE the target of " + SessionsStateScenario.TARGET_BYTES_PER_SESSION + " B per session.");
        }
        SessionsStateReport report = new SessionsStateReport("sessions-state", startedAt.toString(), machine,
                BenchMain.commandLine(), parameters, result, MachineInfo.currentLoadAverage(), notes);
        String markdown = report.markdown();
        System.out.println(markdown);
        var json = ResultFiles.write(common.resultsDir, "sessions-state", startedAt, report, markdown);
        Progress.say("bench", "results in " + json + " and .md");
        return result.failed() == 0 ? 0 : 1;
    }
}
