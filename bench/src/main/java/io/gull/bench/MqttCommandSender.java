package io.gull.bench;

import java.util.concurrent.CompletableFuture;

import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;

/** Commands as MQTT publishes to the device's command topic (how an application does it with Mosquitto). */
public final class MqttCommandSender implements CommandSender {
    private final Mqtt5AsyncClient application;

    public MqttCommandSender(Mqtt5AsyncClient application) {
        this.application = application;
    }

    @Override
    public CompletableFuture<?> send(String commandId, String deviceId, String topic, byte[] payload, int qos) {
        return MqttClients.publish(application, topic, payload, qos);
    }

    @Override
    public void close() {
        // the client belongs to the scenario's MqttClients
    }
}
