package io.gull.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;

/**
 * An MQTT broker under ingest load: N MQTT 3.1.1 clients (HiveMQ async client, clean session), each publishing QoS 1
 * to a topic of its own ({@code bench/<run>/ingest/<i>}); a publish is done when its PUBACK arrives. Nobody
 * subscribes.
 */
public final class MqttIngestTarget implements IngestTarget {
    private static final int KEEP_ALIVE_SECONDS = 60;
    private final String name;
    private final Endpoint endpoint;
    private final String run;
    private final byte[] payload;
    private final List<ServerProcess> servers;
    private final List<Mqtt3AsyncClient> clients = new ArrayList<>();
    private final List<String> topics = new ArrayList<>();

    public MqttIngestTarget(String name, Endpoint endpoint, String run, byte[] payload, List<ServerProcess> servers) {
        this.name = name;
        this.endpoint = endpoint;
        this.run = run;
        this.payload = payload.clone();
        this.servers = List.copyOf(servers);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void open(int connections) throws Exception {
        List<CompletableFuture<?>> connects = new ArrayList<>();
        for (int i = clients.size(); i < connections; i++) {
            Mqtt3AsyncClient client = MqttClient.builder()
                    .useMqttVersion3()
                    .identifier("bench-" + run + "-ingest-" + i)
                    .serverHost(endpoint.host())
                    .serverPort(endpoint.port())
                    .executorConfig(MqttClients.executor())
                    .buildAsync();
            clients.add(client);
            topics.add("bench/" + run + "/ingest/" + i);
            connects.add(client.connectWith().cleanSession(true).keepAlive(KEEP_ALIVE_SECONDS).send());
        }
        CompletableFuture.allOf(connects.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    }

    @Override
    public CompletableFuture<?> publish(int connection) {
        return clients.get(connection).publishWith()
                .topic(topics.get(connection))
                .qos(MqttQos.AT_LEAST_ONCE)
                .payload(payload)
                .send();
    }

    @Override
    public List<ServerProcess> servers() {
        return servers;
    }

    /** Disconnects every client, waiting at most 10 s in all. */
    @Override
    public void close() {
        List<CompletableFuture<Void>> disconnects = new ArrayList<>();
        for (Mqtt3AsyncClient client : clients) {
            if (client.getState().isConnectedOrReconnect()) {
                disconnects.add(client.disconnect().exceptionally(e -> null));
            }
        }
        clients.clear();
        try {
            CompletableFuture.allOf(disconnects.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // a client that does not disconnect in time is dropped with the JVM
        }
    }
}
