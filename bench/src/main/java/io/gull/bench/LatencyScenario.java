package io.gull.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;

/**
 * Publish -> receive across edges: N publishers on edge A, each with its own topic, and one subscriber per topic
 * on edge B; the total rate is spread round robin over the publishers.
 */
public final class LatencyScenario implements Scenario {
    private final LoadSpec load;
    private final int pairs;

    public LatencyScenario(LoadSpec load, int pairs) {
        if (pairs <= 0) {
            throw new IllegalArgumentException("--publishers must be > 0");
        }
        this.load = load;
        this.pairs = pairs;
    }

    @Override
    public String name() {
        return "latency";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = load.describe();
        p.put("publishers", pairs);
        p.put("subscribers", pairs);
        return p;
    }

    @Override
    public TargetResult run(Target target) throws Exception {
        String run = RunIds.next();
        String label = target.name() + " latency";
        MeasuredRun measured = new MeasuredRun(label, target.name(), load, pairs);
        try (MqttClients clients = new MqttClients()) {
            Progress.say(label, "connecting " + pairs + " subscribers to " + target.edgeB() + " and " + pairs
                    + " publishers to " + target.edgeA() + " (run " + run + ")");
            List<CompletableFuture<Void>> subscribed = new ArrayList<>();
            for (int i = 0; i < pairs; i++) {
                int receiver = i;
                subscribed.add(clients.connect(target.edgeB(), "bench-" + run + "-sub-" + i, MqttClients.ConnectOptions.CLEAN)
                        .thenCompose(c -> MqttClients.subscribe(c, topic(run, receiver), load.qos(),
                                message -> measured.received(receiver, message.getPayload().orElseThrow()))));
            }
            List<CompletableFuture<Mqtt5AsyncClient>> publishers = new ArrayList<>();
            for (int i = 0; i < pairs; i++) {
                publishers.add(clients.connect(target.edgeA(), "bench-" + run + "-pub-" + i, MqttClients.ConnectOptions.CLEAN));
            }
            CompletableFuture.allOf(subscribed.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            List<Mqtt5AsyncClient> pubs = new ArrayList<>();
            for (CompletableFuture<Mqtt5AsyncClient> p : publishers) {
                pubs.add(p.get(60, TimeUnit.SECONDS));
            }
            Thread.sleep((long) (load.settleSeconds() * 1000));
            return measured.run((index, due) -> {
                int source = (int) (index % pairs);
                long seq = index / pairs;
                return MqttClients.publish(pubs.get(source), topic(run, source), measured.payload(source, seq, index, due), load.qos());
            }, MeasuredRun.roundRobin(pairs));
        }
    }

    private static String topic(String run, int pair) {
        return "bench/" + run + "/lat/" + pair;
    }
}
