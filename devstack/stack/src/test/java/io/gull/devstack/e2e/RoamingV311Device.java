package io.gull.devstack.e2e;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A real MQTT 3.1.1 device (Eclipse Paho) with a persistent session that it keeps on its side too: one client
 * instance, so the packet ids of QoS 2 messages it has PUBRECed but not yet seen released survive a lost connection
 * and a reconnect to another edge, as on a device that roams between edges. Paho 3.1.1 hands a QoS 2 message to the
 * application on PUBREL, so each message is recorded once however often the server resends it with DUP before that.
 * (Paho's MQTT 5 client hands it over on every PUBLISH and does not report DUP, so it cannot show exactly once.)
 */
final class RoamingV311Device implements AutoCloseable {
    private static final int TIMEOUT_SECONDS = 60;

    private final MqttAsyncClient client;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private RoamingV311Device(MqttAsyncClient client) {
        this.client = client;
    }

    /** Connects to {@code uri} (no credentials: the test stack lets anonymous clients in) with clean session 0. */
    static RoamingV311Device connect(String uri, String clientId) throws MqttException {
        RoamingV311Device device = new RoamingV311Device(new MqttAsyncClient(uri, clientId, new MemoryPersistence()));
        device.client.setCallback(device.new Recorder());
        try {
            device.reconnect(uri);
            return device;
        } catch (MqttException | RuntimeException e) {
            device.close();
            throw e;
        }
    }

    /** Connects the same client, with its session state, to {@code uri}; the CONNACK's session present flag. */
    boolean reconnect(String uri) throws MqttException {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(false);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(TIMEOUT_SECONDS);
        options.setKeepAliveInterval(30);
        options.setServerURIs(new String[] {uri});
        IMqttToken token = client.connect(options);
        token.waitForCompletion(TIMEOUT_SECONDS * 1000L);
        return token.getSessionPresent();
    }

    void subscribe(String filter, int qos) throws MqttException {
        IMqttToken token = client.subscribe(filter, qos);
        token.waitForCompletion(TIMEOUT_SECONDS * 1000L);
        int granted = token.getGrantedQos()[0];
        if (granted == 0x80) {
            throw new IllegalStateException("SUBSCRIBE to " + filter + " refused");
        }
    }

    boolean isConnected() {
        return client.isConnected();
    }

    /** The payloads the application got on topics starting with {@code prefix}, in arrival order. */
    List<String> payloadsOn(String prefix) {
        return received.stream().filter(message -> message.topic().startsWith(prefix)).map(Received::payload)
                .toList();
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(TIMEOUT_SECONDS * 1000L);
            }
        } catch (MqttException e) {
            // already gone
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            // already closed
        }
    }

    private record Received(String topic, String payload) {
    }

    /** Records topic and payload of every message Paho hands over. */
    private final class Recorder implements MqttCallback {
        @Override
        public void connectionLost(Throwable cause) {
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            received.add(new Received(topic, new String(message.getPayload(), StandardCharsets.UTF_8)));
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
        }
    }
}
