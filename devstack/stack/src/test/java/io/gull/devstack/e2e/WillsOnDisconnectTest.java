package io.gull.devstack.e2e;

import static io.gull.devstack.e2e.PubSubFixture.edgeA;
import static io.gull.devstack.e2e.PubSubFixture.edgeB;
import static io.gull.devstack.e2e.PubSubFixture.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.Test;

/**
 * A client that ends its connection with DISCONNECT says whether its will is due: MQTT 5 reason 0x00 and the MQTT
 * 3.1.1 DISCONNECT delete it (MQTT-3.1.2-10, MQTT-3.14.4-3), MQTT 5 reason 0x04 (Disconnect with Will Message) asks
 * for it. The client is on one edge, the subscriber watching the will topic on the other.
 *
 * <p>"No will" is shown by a marker rather than by a long wait: the same client id then connects again and loses that
 * connection with a will of its own (the marker). The job handles a client's connections in order (gull.sessions and
 * the wills in gull.ingress are keyed by client id), so once the marker arrived, a will of the first connection
 * would have arrived before it.
 */
class WillsOnDisconnectTest {
    private static final Duration WAIT = Duration.ofSeconds(90);
    /**
     * Between the DISCONNECT and the marker connection, so that the job reads the DISCONNECTED (gull.sessions) before
     * the marker's CONNECT (gull.auth.requests, another topic): were the CONNECT first, the job would take it for a
     * takeover of a live connection and publish that connection's will.
     */
    private static final Duration SETTLE = Duration.ofSeconds(3);
    private static final int NORMAL_DISCONNECTION = 0x00;
    private static final int DISCONNECT_WITH_WILL_MESSAGE = 0x04;
    private static final int BOUNCES = 10;

    @Test
    void shouldNotPublishTheWillOfAnMqtt5ClientThatDisconnectsWithReason0x00() throws Exception {
        String prefix = unique("will-0x00");
        String clientId = unique("polite5");
        try (V5Client watcher = Routes.watchOnEdgeB(prefix)) {
            // given an MQTT 5 client with a will on edge A
            MqttAsyncClient client = connectV5WithWill(edgeA(), clientId, prefix + "/status", "first-will");

            // when it disconnects with reason 0x00 (Normal disconnection)
            disconnectV5(client, NORMAL_DISCONNECTION);
            assertNoWillFor(SETTLE, watcher, prefix);

            // then its will is never published: the marker of its next connection arrives alone
            connectAgainAndLoseTheConnection(clientId, prefix + "/status", "marker");
            await().atMost(WAIT).until(() -> watcher.payloadsOn(prefix + "/status").contains("marker"));
            assertThat(watcher.payloadsOn(prefix + "/status")).containsExactly("marker");
        }
    }

    @Test
    void shouldNotPublishTheWillOfAnMqtt311ClientThatSendsDisconnect() throws Exception {
        String prefix = unique("will-311");
        String clientId = unique("polite311");
        try (V5Client watcher = Routes.watchOnEdgeB(prefix)) {
            // given an MQTT 3.1.1 client with a will on edge A
            org.eclipse.paho.client.mqttv3.MqttAsyncClient client = new org.eclipse.paho.client.mqttv3.MqttAsyncClient(
                    edgeA(), clientId, new org.eclipse.paho.client.mqttv3.persist.MemoryPersistence());
            MqttConnectOptions options = new MqttConnectOptions();
            options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
            options.setCleanSession(true);
            options.setAutomaticReconnect(false);
            options.setConnectionTimeout(60);
            options.setWill(prefix + "/status", "first-will".getBytes(StandardCharsets.UTF_8), 1, false);
            client.connect(options).waitForCompletion(WAIT.toMillis());

            // when it sends DISCONNECT
            client.disconnect().waitForCompletion(WAIT.toMillis());
            client.close();
            assertNoWillFor(SETTLE, watcher, prefix);

            // then its will is never published: the marker of its next connection arrives alone
            connectAgainAndLoseTheConnection(clientId, prefix + "/status", "marker");
            await().atMost(WAIT).until(() -> watcher.payloadsOn(prefix + "/status").contains("marker"));
            assertThat(watcher.payloadsOn(prefix + "/status")).containsExactly("marker");
        }
    }

    @Test
    void shouldPublishTheWillOfAnMqtt5ClientThatDisconnectsWithReason0x04() throws Exception {
        String prefix = unique("will-0x04");
        try (V5Client watcher = Routes.watchOnEdgeB(prefix)) {
            // given an MQTT 5 client with a will on edge A
            MqttAsyncClient client = connectV5WithWill(edgeA(), unique("leaving"), prefix + "/status", "goodbye");

            // when it disconnects with reason 0x04 (Disconnect with Will Message)
            disconnectV5(client, DISCONNECT_WITH_WILL_MESSAGE);

            // then its will reaches the subscriber on edge B, once
            await().atMost(WAIT).until(() -> watcher.payloadsOn(prefix + "/status").contains("goodbye"));
            assertThat(watcher.payloadsOn(prefix + "/status")).containsExactly("goodbye");
        }
    }

    @Test
    void shouldNotPublishTheWillOfAClientThatDisconnectsWithReason0x00AndReconnectsAtOnceOnTheOtherEdge()
            throws Exception {
        String prefix = unique("will-bounce");
        String clientId = unique("bouncer");
        try (V5Client watcher = Routes.watchOnEdgeB(prefix)) {
            // given an MQTT 5 client with a will (a device restarting its MQTT stack, say)
            // when, again and again, it disconnects with reason 0x00 and at once connects again, with a will, on the
            // other edge: the job may read the new CONNECT (gull.auth.requests) before the DISCONNECTED
            // (gull.sessions), and must still not take the gone connection for a live one whose will is due
            for (int i = 0; i < BOUNCES; i++) {
                MqttAsyncClient client = connectV5WithWill(i % 2 == 0 ? edgeA() : edgeB(), clientId,
                        prefix + "/status", "will-" + i);
                disconnectV5(client, NORMAL_DISCONNECTION);
            }

            // then none of its wills is ever published: the marker of its last connection arrives alone
            connectAgainAndLoseTheConnection(clientId, prefix + "/status", "marker");
            await().atMost(WAIT).until(() -> watcher.payloadsOn(prefix + "/status").contains("marker"));
            assertThat(watcher.payloadsOn(prefix + "/status")).containsExactly("marker");
        }
    }

    private static MqttAsyncClient connectV5WithWill(String uri, String clientId, String willTopic, String payload)
            throws Exception {
        MqttAsyncClient client = new MqttAsyncClient(uri, clientId, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setSessionExpiryInterval(0L);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(60);
        options.setWill(willTopic, new MqttMessage(payload.getBytes(StandardCharsets.UTF_8), 1, false, null));
        client.connect(options).waitForCompletion(WAIT.toMillis());
        return client;
    }

    private static void disconnectV5(MqttAsyncClient client, int reasonCode) throws Exception {
        client.disconnect(30_000, null, null, reasonCode, new MqttProperties()).waitForCompletion(WAIT.toMillis());
        client.close();
    }

    /** The same client id on edge B, with a will that is due: its connection just ends (no DISCONNECT). */
    private static void connectAgainAndLoseTheConnection(String clientId, String willTopic, String payload)
            throws Exception {
        RawV5Client again = RawV5Client.connect(edgeB(), new RawV5Client.Options(clientId, true, 0, 0,
                new RawV5Client.Will(willTopic, payload, 0), true));
        again.close();
    }

    /** A short look, no proof (the marker is): nothing arrives on the will topic meanwhile. */
    private static void assertNoWillFor(Duration period, V5Client watcher, String prefix) {
        await().during(period).atMost(period.plusSeconds(30))
                .until(() -> watcher.payloadsOn(prefix + "/status").isEmpty());
    }
}
