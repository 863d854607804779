package io.gull.edge.it;

import java.util.concurrent.CompletableFuture;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/** Paho 5 callback that records the reason code of a server DISCONNECT. */
final class DisconnectRecorder implements MqttCallback {
    private final CompletableFuture<Integer> reason;

    DisconnectRecorder(CompletableFuture<Integer> reason) {
        this.reason = reason;
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        reason.complete(response.getReturnCode());
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        reason.completeExceptionally(exception);
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
    }

    @Override
    public void connectComplete(boolean reconnect, String serverURI) {
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
    }
}
