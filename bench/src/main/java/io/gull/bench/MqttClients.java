package io.gull.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientExecutorConfig;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5Subscription;

/**
 * The MQTT 5 clients of one scenario run (HiveMQ async client; all of them share one Netty event loop group, so
 * thousands of connections cost a few threads). {@link #close()} disconnects every client it made.
 */
public final class MqttClients implements AutoCloseable {
    private static final MqttClientExecutorConfig EXECUTOR = MqttClientExecutorConfig.builder()
            .nettyThreads(Math.max(2, Runtime.getRuntime().availableProcessors()))
            .build();
    private final List<Mqtt5AsyncClient> clients = new ArrayList<>();

    /** The Netty threads every client of the benchmark shares (MQTT 5 here, MQTT 3.1.1 in the ingest scenario). */
    static MqttClientExecutorConfig executor() {
        return EXECUTOR;
    }

    /** Options of a CONNECT. */
    public record ConnectOptions(boolean cleanStart, long sessionExpirySeconds, int keepAliveSeconds) {
        public static final ConnectOptions CLEAN = new ConnectOptions(true, 0, 60);
    }

    /** Connects a new client; the future fails when the broker refuses or cannot be reached. */
    public CompletableFuture<Mqtt5AsyncClient> connect(Endpoint endpoint, String clientId, ConnectOptions options) {
        return connect(endpoint, clientId, options, true);
    }

    /**
     * Connects a client that {@link #close()} will not know about: for short-lived clients that disconnect
     * themselves (100,000 session set-ups would otherwise all be kept).
     */
    public CompletableFuture<Mqtt5AsyncClient> connectUntracked(Endpoint endpoint, String clientId, ConnectOptions options) {
        return connect(endpoint, clientId, options, false);
    }

    private CompletableFuture<Mqtt5AsyncClient> connect(Endpoint endpoint, String clientId, ConnectOptions options, boolean track) {
        Mqtt5AsyncClient client = MqttClient.builder()
                .useMqttVersion5()
                .identifier(clientId)
                .serverHost(endpoint.host())
                .serverPort(endpoint.port())
                .executorConfig(EXECUTOR)
                .buildAsync();
        if (track) {
            synchronized (clients) {
                clients.add(client);
            }
        }
        return client.connectWith()
                .cleanStart(options.cleanStart())
                .sessionExpiryInterval(options.sessionExpirySeconds())
                .keepAlive(options.keepAliveSeconds())
                .send()
                .thenApply(connAck -> client);
    }

    /** Subscribes {@code client} to one filter; {@code onMessage} runs for every message it receives through it. */
    public static CompletableFuture<Void> subscribe(Mqtt5AsyncClient client, String filter, int qos, Consumer<Mqtt5Publish> onMessage) {
        return client.subscribeWith()
                .topicFilter(filter)
                .qos(qos(qos))
                .callback(onMessage)
                .send()
                .thenAccept(SubAcks::check);
    }

    /** Subscribes {@code client} to several filters in one SUBSCRIBE (nothing listens to what they receive). */
    public static CompletableFuture<Void> subscribeAll(Mqtt5AsyncClient client, List<String> filters, int qos) {
        List<Mqtt5Subscription> subscriptions = filters.stream()
                .map(f -> Mqtt5Subscription.builder().topicFilter(f).qos(qos(qos)).build())
                .toList();
        return client.subscribeWith().addSubscriptions(subscriptions).send().thenAccept(SubAcks::check);
    }

    /** Publishes; the future fails when the broker refuses the message (an error reason code in the PUBACK). */
    public static CompletableFuture<Void> publish(Mqtt5AsyncClient client, String topic, byte[] payload, int qos) {
        return client.publishWith()
                .topic(topic)
                .qos(qos(qos))
                .payload(payload)
                .send()
                .thenAccept(MqttClients::check);
    }

    private static void check(Mqtt5PublishResult result) {
        result.getError().ifPresent(error -> {
            throw new IllegalStateException("publish failed: " + error.getMessage(), error);
        });
    }

    static MqttQos qos(int qos) {
        MqttQos value = MqttQos.fromCode(qos);
        if (value == null) {
            throw new IllegalArgumentException("QoS must be 0, 1 or 2, not " + qos);
        }
        return value;
    }

    public int size() {
        synchronized (clients) {
            return clients.size();
        }
    }

    /** Disconnects every client (normal DISCONNECT), waiting at most 10 s in all. */
    @Override
    public void close() {
        List<CompletableFuture<Void>> disconnects = new ArrayList<>();
        synchronized (clients) {
            for (Mqtt5AsyncClient client : clients) {
                if (client.getState().isConnectedOrReconnect()) {
                    disconnects.add(client.disconnect().exceptionally(e -> null));
                }
            }
            clients.clear();
        }
        try {
            CompletableFuture.allOf(disconnects.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // a client that does not disconnect in time is dropped with the JVM
        }
    }

    /** SUBACK checks: the HiveMQ client completes normally even when some filters were refused. */
    static final class SubAcks {
        private SubAcks() {
        }

        static void check(com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAck subAck) {
            subAck.getReasonCodes().stream().filter(code -> code.isError()).findFirst().ifPresent(code -> {
                throw new IllegalStateException("subscription refused: " + code);
            });
        }
    }
}
