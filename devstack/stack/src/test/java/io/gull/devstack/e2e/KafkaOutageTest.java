package io.gull.devstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.gull.devstack.Endpoints;
import io.gull.devstack.GullStack;
import io.gull.devstack.testing.SharedStack;

/** The delivery promise: a QoS 1 PUBACK means Kafka has the message. Runs last: it restarts the shared Kafka. */
@Order(Integer.MAX_VALUE)
class KafkaOutageTest {

    @Test
    void shouldWithholdThePubackWhileKafkaIsDownAndSendItOnceKafkaIsBack() throws Exception {
        // given a connected device
        Endpoints endpoints = SharedStack.get().endpoints();
        GullStack stack = SharedStack.get().stack();
        Instant start = Instant.now();
        String device = "e2e-outage-" + System.nanoTime();
        TestDevices.register(endpoints.kafkaBootstrap(), device, "pw", "default");
        MqttAsyncClient client = MqttDevices.connectV311Async(endpoints.mqtt(), device, "pw");
        TelemetryRows rows = new TelemetryRows(endpoints.cassandraContactPoint(), SharedStack.get().config().keyspace());
        try {
            // when Kafka goes away and the device publishes a QoS 1 message
            stack.stopService("kafka");
            MqttMessage message = new MqttMessage("during-outage".getBytes(StandardCharsets.UTF_8));
            message.setQos(1);
            IMqttDeliveryToken token = client.publish("devices/" + device + "/temp", message);

            // then no PUBACK arrives while Kafka is down
            Thread.sleep(5_000);
            assertThat(token.isComplete()).as("PUBACK while Kafka is down").isFalse();

            // when Kafka is back, then the PUBACK arrives and the message is stored
            stack.startService("kafka");
            token.waitForCompletion(120_000);
            assertThat(token.isComplete()).isTrue();
            assertThat(token.getException()).isNull();
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
                    assertThat(rows.of(device, start))
                            .extracting(TelemetryRows.StoredMessage::payload)
                            .containsExactly("during-outage"));
        } finally {
            rows.close();
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(10_000);
            }
            client.close();
        }
    }
}
