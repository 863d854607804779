package io.gull.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;

/**
 * Flink state per idle persistent session: reads the latest checkpoint of the sessions job, creates N persistent
 * sessions (connect with clean start and a session expiry, subscribe to K filters in one SUBSCRIBE, disconnect
 * normally so the session stays), waits for a checkpoint taken after they were all applied, and divides the growth
 * of the full checkpointed state by N. Without a Flink REST API ({@code flink} empty) it only creates the sessions
 * (a dry run, e.g. against Mosquitto).
 */
public final class SessionsStateScenario {
    public static final long TARGET_BYTES_PER_SESSION = 1024;
    private final Settings settings;

    /**
     * @param settleSeconds        wait after the last session before asking for a newer checkpoint (Flink applies the
     *                             session events asynchronously)
     * @param checkpointWaitSeconds how long to wait for a checkpoint newer than the settle point
     */
    public record Settings(int sessions, int subscriptions, long sessionExpirySeconds, double connectRate, int maxInFlight,
                           int qos, double settleSeconds, double checkpointWaitSeconds, String jobName) {
        public Settings {
            if (sessions <= 0 || subscriptions < 0 || connectRate <= 0 || maxInFlight <= 0) {
                throw new IllegalArgumentException("--sessions, --connect-rate and --in-flight must be > 0, --subscriptions >= 0");
            }
        }
    }

    public SessionsStateScenario(Settings settings) {
        this.settings = settings;
    }

    public SessionsStateResult run(Target target, Optional<FlinkRest> flink) throws Exception {
        String label = target.name() + " sessions-state";
        String run = RunIds.next();
        String jobId = null;
        CheckpointStats before = null;
        if (flink.isPresent()) {
            jobId = flink.get().runningJob(settings.jobName());
            before = awaitCheckpointAfter(flink.get(), jobId, 0, label);
            Progress.say(label, "before: checkpoint " + before.id() + ", state " + before.stateSize() + " B");
        }
        Progress.say(label, "creating " + settings.sessions() + " persistent sessions with " + settings.subscriptions()
                + " subscriptions each over " + target.edges() + " at most " + settings.connectRate() + "/s (run " + run + ")");
        AtomicLong started = new AtomicLong();
        AtomicLong done = new AtomicLong();
        MqttClients.ConnectOptions persistent = new MqttClients.ConnectOptions(true, settings.sessionExpirySeconds(), 60);
        BoundedLauncher.Outcome outcome;
        try (MqttClients clients = new MqttClients()) {
            outcome = Progress.during(label,
                    () -> new Progress.Snapshot("sessions", started.get(), done.get(), settings.sessions(), null),
                    () -> new BoundedLauncher(settings.connectRate(), settings.maxInFlight()).run(settings.sessions(), i ->
                            clients.connectUntracked(target.edgeFor(i), "bench-" + run + "-s" + i, persistent)
                                    .thenCompose(c -> subscribe(c, run, i))
                                    .thenCompose(Mqtt5AsyncClient::disconnect)
                                    .whenComplete((ok, error) -> done.incrementAndGet()), started));
        }
        double rate = outcome.succeeded() / outcome.seconds();
        Progress.say(label, String.format(java.util.Locale.ROOT, "created %d sessions in %.1f s (%.0f/s), %d failed%s",
                outcome.succeeded(), outcome.seconds(), rate, outcome.failed(),
                outcome.firstFailure() == null ? "" : "; first: " + outcome.firstFailure()));
        CheckpointStats after = null;
        Double perSession = null;
        if (flink.isPresent()) {
            Thread.sleep((long) (settings.settleSeconds() * 1000));
            after = awaitCheckpointAfter(flink.get(), jobId, System.currentTimeMillis(), label);
            perSession = outcome.succeeded() == 0 ? null : (after.stateSize() - before.stateSize()) / (double) outcome.succeeded();
            Progress.say(label, "after: checkpoint " + after.id() + ", state " + after.stateSize() + " B; "
                    + (perSession == null ? "n/a" : String.format(java.util.Locale.ROOT, "%.0f", perSession)) + " B per session");
        }
        return new SessionsStateResult(target.name(), settings.sessions(), settings.subscriptions(),
                settings.sessionExpirySeconds(), rate, outcome.seconds(), outcome.failed(), before, after, perSession,
                TARGET_BYTES_PER_SESSION);
    }

    private CompletableFuture<Mqtt5AsyncClient> subscribe(Mqtt5AsyncClient client, String run, int session) {
        if (settings.subscriptions() == 0) {
            return CompletableFuture.completedFuture(client);
        }
        List<String> filters = new ArrayList<>();
        for (int k = 0; k < settings.subscriptions(); k++) {
            filters.add("bench/" + run + "/s" + session + "/t" + k);
        }
        return MqttClients.subscribeAll(client, filters, settings.qos()).thenApply(v -> client);
    }

    /** The first completed checkpoint triggered after {@code afterMillis} (epoch ms). */
    private CheckpointStats awaitCheckpointAfter(FlinkRest flink, String jobId, long afterMillis, String label) throws Exception {
        long deadline = System.currentTimeMillis() + (long) (settings.checkpointWaitSeconds() * 1000);
        long lastSaid = 0;
        while (true) {
            Optional<CheckpointStats> latest = flink.latestCheckpoint(jobId);
            if (latest.isPresent() && latest.get().triggerTimestamp() > afterMillis) {
                return latest.get();
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("job " + settings.jobName() + " completed no checkpoint "
                        + (afterMillis == 0 ? "at all" : "after the sessions were created") + " within "
                        + settings.checkpointWaitSeconds() + " s (is checkpointing on? --checkpoint-wait)");
            }
            if (System.currentTimeMillis() - lastSaid > 5_000) {
                Progress.say(label, "waiting for a checkpoint of " + settings.jobName() + " ...");
                lastSaid = System.currentTimeMillis();
            }
            Thread.sleep(500);
        }
    }
}
