package io.gull.devstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.gull.devstack.Endpoints;
import io.gull.devstack.testing.SharedStack;

/**
 * The walking skeleton end to end on the real stack: Paho -> edge -> Kafka -> Flink (device-auth,
 * telemetry) -> Cassandra, every server in its own process.
 */
class TelemetryEndToEndTest {
    private static Endpoints endpoints;
    private static TelemetryRows rows;

    @BeforeAll
    static void startStack() {
        endpoints = SharedStack.get().endpoints();
        rows = new TelemetryRows(endpoints.cassandraContactPoint(), SharedStack.get().config().keyspace());
    }

    @AfterAll
    static void closeReaders() {
        rows.close();
    }

    @Test
    void shouldStoreEveryAcknowledgedQos1MessageExactlyOnceEvenWhenKafkaRecordsAreReplayed() throws Exception {
        // given a registered device
        Instant start = Instant.now();
        String device = "e2e-hundred-" + System.nanoTime();
        TestDevices.register(endpoints.kafkaBootstrap(), device, "pw-" + device, "acme");

        // when it publishes 100 QoS 1 messages (each publish returns only once its PUBACK arrived)
        MqttClient client = MqttDevices.connectV311(mqttUri(), device, "pw-" + device);
        try {
            for (int i = 0; i < 100; i++) {
                client.publish("devices/" + device + "/temp", ("reading-" + i).getBytes(StandardCharsets.UTF_8), 1, false);
            }
        } finally {
            client.disconnect();
            client.close();
        }

        // then all 100 rows are in Cassandra with their payloads and the tenant from the registry
        Set<String> expected = IntStream.range(0, 100).mapToObj(i -> "reading-" + i).collect(Collectors.toSet());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(rows.of(device, start)).hasSize(100));
        List<TelemetryRows.StoredMessage> stored = rows.of(device, start);
        assertThat(stored).extracting(TelemetryRows.StoredMessage::payload).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(stored).allSatisfy(m -> {
            assertThat(m.tenant()).isEqualTo("acme");
            assertThat(m.qos()).isEqualTo(1);
            assertThat(m.topic()).isEqualTo("devices/" + device + "/temp");
        });
        // and latest_by_device has one row, written at the telemetry job's next checkpoint (it coalesces them)
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(rows.latestOf(device)).singleElement()
                .satisfies(m -> assertThat(m.payload()).startsWith("reading-")));

        // when the same envelopes (same messageIds) reach gull.ingress again, as a replay would
        IngressTopic ingress = new IngressTopic(endpoints.kafkaBootstrap());
        List<ConsumerRecord<byte[], byte[]>> envelopes = ingress.recordsOf(device);
        assertThat(envelopes).hasSize(100);
        ingress.replay(envelopes);

        // then, once the telemetry job has checkpointed past them, there are still exactly 100 rows
        await().atMost(Duration.ofSeconds(60)).until(() -> ingress.groupCaughtUp("gull-telemetry"));
        assertThat(rows.of(device, start)).hasSize(100);
    }

    @Test
    void shouldRefuseABadPasswordOnMqtt311WithNotAuthorized() throws Exception {
        // given a registered device
        String device = "e2e-badpw-v3-" + System.nanoTime();
        TestDevices.register(endpoints.kafkaBootstrap(), device, "right", "default");

        // when it connects with the wrong password, then CONNACK carries 0x05 (not authorized)
        MqttClient client = new MqttClient(mqttUri(), device, new org.eclipse.paho.client.mqttv3.persist.MemoryPersistence());
        try {
            assertThatThrownBy(() -> client.connect(MqttDevices.v311Options(device, "wrong")))
                    .isInstanceOf(MqttException.class)
                    .extracting(e -> ((MqttException) e).getReasonCode())
                    .isEqualTo((int) MqttException.REASON_CODE_NOT_AUTHORIZED);
        } finally {
            client.close();
        }
    }

    @Test
    void shouldRefuseABadPasswordOnMqtt5WithBadUserNameOrPassword() throws Exception {
        // given a registered device
        String device = "e2e-badpw-v5-" + System.nanoTime();
        TestDevices.register(endpoints.kafkaBootstrap(), device, "right", "default");

        // when it connects over MQTT 5 with the wrong password, then CONNACK carries 0x86
        org.eclipse.paho.mqttv5.client.MqttClient client = MqttDevices.newV5(mqttUri(), device);
        try {
            assertThatThrownBy(() -> client.connect(MqttDevices.v5Options(device, "wrong")))
                    .isInstanceOf(org.eclipse.paho.mqttv5.common.MqttException.class)
                    .extracting(e -> ((org.eclipse.paho.mqttv5.common.MqttException) e).getReasonCode())
                    .isEqualTo(0x86);
        } finally {
            client.close();
        }
    }

    @Test
    void shouldAcceptTheRightPasswordOnMqtt5() throws Exception {
        String device = "e2e-ok-v5-" + System.nanoTime();
        TestDevices.register(endpoints.kafkaBootstrap(), device, "right", "default");

        org.eclipse.paho.mqttv5.client.MqttClient client = MqttDevices.newV5(mqttUri(), device);
        try {
            client.connect(MqttDevices.v5Options(device, "right"));
            client.publish("devices/" + device + "/hello", "v5".getBytes(StandardCharsets.UTF_8), 1, false);
            assertThat(client.isConnected()).isTrue();
            client.disconnect();
        } finally {
            client.close();
        }
    }

    private static String mqttUri() {
        return endpoints.mqtt();
    }
}
