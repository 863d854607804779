package io.gull.bench;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;

/**
 * Fan-out: one publisher on edge A, S subscribers to one topic spread over all edges (subscriber i on edge
 * i mod edges); latency to each subscriber, and every subscriber must get every message.
 */
public final class FanoutScenario implements Scenario {
    private final LoadSpec load;
    private final int subscribers;
    private final double connectRate;

    public FanoutScenario(LoadSpec load, int subscribers, double connectRate) {
        if (subscribers <= 0) {
            throw new IllegalArgumentException("--subscribers must be > 0");
        }
        this.load = load;
        this.subscribers = subscribers;
        this.connectRate = connectRate;
    }

    @Override
    public String name() {
        return "fanout";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = load.describe();
        p.put("publishers", 1);
        p.put("subscribers", subscribers);
        return p;
    }

    @Override
    public TargetResult run(Target target) throws Exception {
        String run = RunIds.next();
        String label = target.name() + " fanout";
        String topic = "bench/" + run + "/fan";
        MeasuredRun measured = new MeasuredRun(label, target.name(), load, subscribers);
        try (MqttClients clients = new MqttClients()) {
            Progress.say(label, "connecting " + subscribers + " subscribers over " + target.edges() + " at most "
                    + connectRate + "/s (run " + run + ")");
            AtomicLong started = new AtomicLong();
            AtomicLong done = new AtomicLong();
            BoundedLauncher.Outcome outcome = Progress.during(label,
                    () -> new Progress.Snapshot("connect", started.get(), done.get(), subscribers, null),
                    () -> new BoundedLauncher(connectRate, 200).run(subscribers, i ->
                            clients.connect(target.edgeFor(i), "bench-" + run + "-sub-" + i, MqttClients.ConnectOptions.CLEAN)
                                    .thenCompose(c -> MqttClients.subscribe(c, topic, load.qos(),
                                            message -> measured.received(i, message.getPayload().orElseThrow())))
                                    .whenComplete((ok, error) -> done.incrementAndGet()), started));
            outcome.throwIfFailed("subscriber connects");
            Mqtt5AsyncClient publisher = clients.connect(target.edgeA(), "bench-" + run + "-pub",
                    MqttClients.ConnectOptions.CLEAN).get(30, TimeUnit.SECONDS);
            Thread.sleep((long) (load.settleSeconds() * 1000));
            return measured.run((index, due) -> MqttClients.publish(publisher, topic,
                    measured.payload(0, index, index, due), load.qos()), MeasuredRun.everyMessage());
        }
    }
}
