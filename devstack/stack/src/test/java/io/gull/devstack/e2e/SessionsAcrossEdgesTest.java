package io.gull.devstack.e2e;

import static io.gull.devstack.e2e.PubSubFixture.edgeA;
import static io.gull.devstack.e2e.PubSubFixture.edgeB;
import static io.gull.devstack.e2e.PubSubFixture.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;

/** Sessions live in the sessions job, not in an edge: they move with the client from edge to edge. */
class SessionsAcrossEdgesTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final long FIVE_MINUTES = 300;

    @Test
    void shouldKeepMessagesForAnOfflinePersistentSessionAndDeliverThemInOrderOnAnotherEdge() throws Exception {
        String prefix = unique("persistent");
        String subscriberId = unique("sub");
        try (V5Client publisher = V5Client.connect(edgeA(), unique("pub"), true, 0)) {
            // given a persistent session subscribed on edge A, then offline
            try (V5Client subscriber = V5Client.connect(edgeA(), subscriberId, true, FIVE_MINUTES)) {
                assertThat(subscriber.sessionPresent()).isFalse();
                subscriber.subscribe(prefix + "/#", 1);
                Routes.awaitActive(publisher, subscriber, prefix + "/probe");
                subscriber.disconnect();
            }

            // when five messages are published on edge A while it is offline
            List<String> sent = IntStream.range(0, 5).mapToObj(i -> "offline-" + i).toList();
            for (String payload : sent) {
                publisher.publish(prefix + "/data", payload, 1, false);
            }

            // then, reconnecting to edge B without clean start, it resumes its session and gets all five in order
            try (V5Client resumed = V5Client.connect(edgeB(), subscriberId, false, FIVE_MINUTES)) {
                assertThat(resumed.sessionPresent()).isTrue();
                await().atMost(WAIT).until(() -> resumed.messagesOn(prefix + "/data").size() >= sent.size());
                assertThat(resumed.payloadsOn(prefix + "/data")).containsExactlyElementsOf(sent);
            }
        }
    }

    @Test
    void shouldStartAnEmptySessionWithCleanStartAndDropWhatWasQueued() throws Exception {
        String prefix = unique("clean");
        String subscriberId = unique("sub");
        try (V5Client publisher = V5Client.connect(edgeA(), unique("pub"), true, 0);
                V5Client control = V5Client.connect(edgeA(), unique("control"), true, 0)) {
            // given a persistent session with a subscription, offline, and messages published meanwhile
            try (V5Client subscriber = V5Client.connect(edgeA(), subscriberId, true, FIVE_MINUTES)) {
                subscriber.subscribe(prefix + "/#", 1);
                Routes.awaitActive(publisher, subscriber, prefix + "/probe");
                subscriber.disconnect();
            }
            control.subscribe(prefix + "/#", 1);
            Routes.awaitActive(publisher, control, prefix + "/probe");
            for (int i = 0; i < 5; i++) {
                publisher.publish(prefix + "/data", "queued-" + i, 1, false);
            }
            await().atMost(WAIT).until(() -> control.messagesOn(prefix + "/data").size() >= 5);

            // when it reconnects on edge B with clean start
            try (V5Client fresh = V5Client.connect(edgeB(), subscriberId, true, FIVE_MINUTES)) {
                // then there was no session, and nothing queued arrives (a new subscription's probe comes through first)
                assertThat(fresh.sessionPresent()).isFalse();
                fresh.subscribe(prefix + "/marker", 1);
                Routes.awaitActive(publisher, fresh, prefix + "/marker");
                assertThat(fresh.messagesOn(prefix + "/data")).isEmpty();
            }
        }
    }

    @Test
    void shouldResumeAnMqtt311PersistentSessionOnAnotherEdgeWithSessionPresent() throws Exception {
        String prefix = unique("v311");
        String subscriberId = unique("sub311");
        try (V5Client publisher = V5Client.connect(edgeA(), unique("pub"), true, 0)) {
            // given a 3.1.1 client with clean session false subscribed on edge A, then gone
            MqttAsyncClient first = v311(edgeA(), subscriberId);
            IMqttToken connected = first.connect(persistent311());
            connected.waitForCompletion(WAIT.toMillis());
            assertThat(connected.getSessionPresent()).isFalse();
            first.subscribe(prefix + "/#", 1).waitForCompletion(WAIT.toMillis());
            first.disconnect().waitForCompletion(WAIT.toMillis());
            first.close();

            // when it connects again to edge B, clean session still false
            MqttAsyncClient second = v311(edgeB(), subscriberId);
            try {
                IMqttToken again = second.connect(persistent311());
                again.waitForCompletion(WAIT.toMillis());

                // then its session is there
                assertThat(again.getSessionPresent()).isTrue();
            } finally {
                second.disconnect().waitForCompletion(WAIT.toMillis());
                second.close();
            }
        }
    }

    @Test
    void shouldCloseTheOldConnectionWithSessionTakenOverWhenTheClientConnectsToAnotherEdge() throws Exception {
        String clientId = unique("twice");
        String prefix = unique("takeover");
        try (V5Client publisher = V5Client.connect(edgeB(), unique("pub"), true, 0);
                V5Client old = V5Client.connect(edgeA(), clientId, true, FIVE_MINUTES)) {
            old.subscribe(prefix + "/#", 1);
            Routes.awaitActive(publisher, old, prefix + "/probe");

            // when the same client id connects to edge B and resumes
            try (V5Client taker = V5Client.connect(edgeB(), clientId, false, FIVE_MINUTES)) {
                // then edge A closes the old connection with DISCONNECT 0x8E (session taken over)
                await().atMost(WAIT).until(() -> !old.isConnected());
                assertThat(old.disconnectReason()).isEqualTo(0x8E);

                // and the session, its subscription included, now lives on edge B
                assertThat(taker.sessionPresent()).isTrue();
                publisher.publish(prefix + "/after", "moved", 1, false);
                await().atMost(WAIT).until(() -> taker.payloadsOn(prefix + "/after").contains("moved"));
                assertThat(old.messagesOn(prefix + "/after")).isEmpty();
            }
        }
    }

    private static MqttAsyncClient v311(String uri, String clientId) throws Exception {
        return new MqttAsyncClient(uri, clientId, new MemoryPersistence());
    }

    private static MqttConnectOptions persistent311() {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(false);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(60);
        return options;
    }
}
