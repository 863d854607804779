package io.gull.devstack.e2e;

import java.nio.charset.StandardCharsets;

import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;

/** Real MQTT clients (Eclipse Paho) configured the way a device would be. */
final class MqttDevices {
    private static final int TIMEOUT_SECONDS = 60;

    private MqttDevices() {
    }

    static MqttConnectOptions v311Options(String username, String password) {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(true);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(TIMEOUT_SECONDS);
        options.setKeepAliveInterval(30);
        options.setUserName(username);
        options.setPassword(password.toCharArray());
        return options;
    }

    /** A connected MQTT 3.1.1 client whose blocking calls give up after a minute instead of hanging. */
    static MqttClient connectV311(String mqttUri, String clientId, String password) throws MqttException {
        MqttClient client = new MqttClient(mqttUri, clientId, new MemoryPersistence());
        client.setTimeToWait(TIMEOUT_SECONDS * 1000L);
        client.connect(v311Options(clientId, password));
        return client;
    }

    static MqttAsyncClient connectV311Async(String mqttUri, String clientId, String password) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(mqttUri, clientId, new MemoryPersistence());
        client.connect(v311Options(clientId, password)).waitForCompletion(TIMEOUT_SECONDS * 1000L);
        return client;
    }

    static org.eclipse.paho.mqttv5.client.MqttClient newV5(String mqttUri, String clientId)
            throws org.eclipse.paho.mqttv5.common.MqttException {
        org.eclipse.paho.mqttv5.client.MqttClient client = new org.eclipse.paho.mqttv5.client.MqttClient(
                mqttUri, clientId, new org.eclipse.paho.mqttv5.client.persist.MemoryPersistence());
        client.setTimeToWait(TIMEOUT_SECONDS * 1000L);
        return client;
    }

    static MqttConnectionOptions v5Options(String username, String password) {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(TIMEOUT_SECONDS);
        options.setUserName(username);
        options.setPassword(password.getBytes(StandardCharsets.UTF_8));
        return options;
    }
}
