package io.gull.bench;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;

/**
 * Command round trip: an application sends a command to a device and waits for its reply. D devices spread over
 * the edges; each echoes every command payload to its reply topic {@code bench/<run>/reply/<device>}, which the
 * application (an MQTT client on edge A) subscribes to with {@code +}. Commands go round robin over the devices at
 * a fixed rate (open loop, so a slow round trip shows as latency, not as fewer commands). Gull: the application
 * sends through Kafka ({@code gull.commands}); Mosquitto: it publishes to the device's command topic, to which the
 * device subscribes.
 */
public final class CommandsScenario implements Scenario {
    private final LoadSpec load;
    private final int devices;
    private final boolean gullDevicesSubscribe;

    public CommandsScenario(LoadSpec load, int devices, boolean gullDevicesSubscribe) {
        if (devices <= 0) {
            throw new IllegalArgumentException("--devices must be > 0");
        }
        this.load = load;
        this.devices = devices;
        this.gullDevicesSubscribe = gullDevicesSubscribe;
    }

    @Override
    public String name() {
        return "commands";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = load.describe();
        p.put("devices", devices);
        p.put("gullDevicesSubscribe", gullDevicesSubscribe);
        return p;
    }

    @Override
    public TargetResult run(Target target) throws Exception {
        String run = RunIds.next();
        String label = target.name() + " commands";
        MeasuredRun measured = new MeasuredRun(label, target.name(), load, devices);
        boolean subscribeDevices = !target.isGull() || gullDevicesSubscribe;
        try (MqttClients clients = new MqttClients()) {
            Progress.say(label, "connecting " + devices + " devices over " + target.edges() + " and the application to "
                    + target.edgeA() + " (run " + run + ")");
            Mqtt5AsyncClient application = clients.connect(target.edgeA(), "bench-" + run + "-app",
                    MqttClients.ConnectOptions.CLEAN).get(30, TimeUnit.SECONDS);
            MqttClients.subscribe(application, "bench/" + run + "/reply/+", load.qos(),
                    reply -> measured.receivedBySource(reply.getPayload().orElseThrow())).get(30, TimeUnit.SECONDS);
            List<CompletableFuture<?>> ready = new ArrayList<>();
            for (int i = 0; i < devices; i++) {
                String replyTopic = "bench/" + run + "/reply/" + i;
                String commandTopic = commandTopic(run, i);
                ready.add(clients.connect(target.edgeFor(i), deviceId(run, i), MqttClients.ConnectOptions.CLEAN)
                        .thenCompose(device -> {
                            // the device answers every PUBLISH it gets on its command topic, whether it came through a
                            // subscription (Mosquitto) or as a Gull command delivery (no subscription needed)
                            device.publishes(com.hivemq.client.mqtt.MqttGlobalPublishFilter.ALL, command -> {
                                if (command.getTopic().toString().equals(commandTopic)) {
                                    ByteBuffer payload = command.getPayload().orElseThrow();
                                    byte[] echo = new byte[payload.remaining()];
                                    payload.duplicate().get(echo);
                                    MqttClients.publish(device, replyTopic, echo, load.qos());
                                }
                            });
                            return subscribeDevices
                                    ? MqttClients.subscribeAll(device, List.of(commandTopic), load.qos())
                                    : CompletableFuture.completedFuture(null);
                        }));
            }
            CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            try (CommandSender sender = sender(target, application)) {
                Thread.sleep((long) (load.settleSeconds() * 1000));
                return measured.run((index, due) -> {
                    int device = (int) (index % devices);
                    long seq = index / devices;
                    return sender.send("bench-" + run + "-" + index, deviceId(run, device), commandTopic(run, device),
                            measured.payload(device, seq, index, due), load.qos());
                }, MeasuredRun.roundRobin(devices));
            }
        }
    }

    private static CommandSender sender(Target target, Mqtt5AsyncClient application) {
        if (target.kafkaBootstrap().isEmpty()) {
            return new MqttCommandSender(application);
        }
        KafkaCommandSender kafka = KafkaCommandSender.connect(target.kafkaBootstrap().get());
        try {
            kafka.checkReachable();
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        return kafka;
    }

    private static String deviceId(String run, int i) {
        return "bench-" + run + "-dev-" + i;
    }

    private static String commandTopic(String run, int i) {
        return "bench/" + run + "/cmd/" + i;
    }
}
