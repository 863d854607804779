package io.gull.bench;

import java.util.concurrent.CompletableFuture;

/** How the "application" sends a command to a device: through Kafka (Gull) or as an MQTT publish (Mosquitto). */
public interface CommandSender extends AutoCloseable {
    CompletableFuture<?> send(String commandId, String deviceId, String topic, byte[] payload, int qos);

    @Override
    void close();
}
