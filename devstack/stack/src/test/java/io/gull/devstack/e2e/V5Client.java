package io.gull.devstack.e2e;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * A real MQTT 5 client (Eclipse Paho) for end-to-end tests: connects to one edge, records what it receives and how
 * its connection ended.
 */
final class V5Client implements AutoCloseable {
    private static final int TIMEOUT_SECONDS = 60;

    private final MqttAsyncClient client;
    private final Recorder recorder;
    private final boolean sessionPresent;

    private V5Client(MqttAsyncClient client, Recorder recorder, boolean sessionPresent) {
        this.client = client;
        this.recorder = recorder;
        this.sessionPresent = sessionPresent;
    }

    /** An anonymous client (the test stack lets anonymous clients in). */
    static V5Client connect(String uri, String clientId, boolean cleanStart, long sessionExpirySeconds)
            throws MqttException {
        return connect(uri, clientId, null, cleanStart, sessionExpirySeconds);
    }

    static V5Client connect(String uri, String clientId, String password, boolean cleanStart, long sessionExpirySeconds)
            throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(uri, clientId, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(cleanStart);
        options.setSessionExpiryInterval(sessionExpirySeconds);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(TIMEOUT_SECONDS);
        options.setKeepAliveInterval(30);
        if (password != null) {
            options.setUserName(clientId);
            options.setPassword(password.getBytes(StandardCharsets.UTF_8));
        }
        Recorder recorder = new Recorder();
        client.setCallback(recorder);
        try {
            IMqttToken token = client.connect(options);
            token.waitForCompletion(TIMEOUT_SECONDS * 1000L);
            return new V5Client(client, recorder, token.getSessionPresent());
        } catch (MqttException e) {
            client.close(true);
            throw e;
        }
    }

    boolean sessionPresent() {
        return sessionPresent;
    }

    void subscribe(String filter, int qos) throws MqttException {
        subscribe(new MqttSubscription(filter, qos));
    }

    /** Subscribes and waits for the SUBACK; a refused filter (reason code 0x80 or more) throws. */
    void subscribe(MqttSubscription... subscriptions) throws MqttException {
        awaitSubAck(client.subscribe(subscriptions, null, null, new MqttProperties()));
    }

    /** Subscribes with a Subscription Identifier. */
    void subscribe(MqttSubscription subscription, int subscriptionId) throws MqttException {
        MqttProperties properties = new MqttProperties();
        properties.setSubscriptionIdentifier(subscriptionId);
        awaitSubAck(client.subscribe(new MqttSubscription[] {subscription}, null, null, properties));
    }

    private static void awaitSubAck(IMqttToken token) throws MqttException {
        token.waitForCompletion(TIMEOUT_SECONDS * 1000L);
        for (int code : token.getReasonCodes()) {
            if (code >= 0x80) {
                throw new IllegalStateException("SUBSCRIBE refused with reason code 0x" + Integer.toHexString(code));
            }
        }
    }

    /** Publishes and waits until it is acknowledged (QoS 1: PUBACK, QoS 2: PUBCOMP; QoS 0: written). */
    void publish(String topic, String payload, int qos, boolean retain) throws MqttException {
        MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        message.setQos(qos);
        message.setRetained(retain);
        client.publish(topic, message).waitForCompletion(TIMEOUT_SECONDS * 1000L);
    }

    /** Everything received so far, in arrival order. */
    List<Received> messages() {
        return List.copyOf(recorder.received);
    }

    /** What was received on topics starting with {@code prefix}, in arrival order. */
    List<Received> messagesOn(String prefix) {
        return recorder.received.stream().filter(m -> m.topic().startsWith(prefix)).toList();
    }

    /** The payloads received on topics starting with {@code prefix}, in arrival order. */
    List<String> payloadsOn(String prefix) {
        return messagesOn(prefix).stream().map(Received::payload).toList();
    }

    /** From now on, receives without acknowledging (no PUBACK, no PUBREC): a subscriber that never acks. */
    void stopAcking() {
        client.setManualAcks(true);
    }

    boolean isConnected() {
        return client.isConnected();
    }

    /** The reason code of the server's DISCONNECT, or null while none came. */
    Integer disconnectReason() {
        return recorder.disconnectReason.get();
    }

    void disconnect() throws MqttException {
        client.disconnect().waitForCompletion(TIMEOUT_SECONDS * 1000L);
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

    /** Collects messages and the server's DISCONNECT reason from Paho's callback threads. */
    private static final class Recorder implements MqttCallback {
        final List<Received> received = new CopyOnWriteArrayList<>();
        final AtomicReference<Integer> disconnectReason = new AtomicReference<>();

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            disconnectReason.set(response.getReturnCode());
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            received.add(new Received(topic, new String(message.getPayload(), StandardCharsets.UTF_8),
                    message.getQos(), message.isRetained(),
                    message.getProperties() == null ? List.of() : message.getProperties().getSubscriptionIdentifiers()));
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

    /** One message as the subscriber saw it (no DUP flag: Paho's MQTT 5 client does not pass it on). */
    record Received(String topic, String payload, int qos, boolean retained,
            List<Integer> subscriptionIds) {
    }
}
