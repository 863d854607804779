package io.gull.devstack.e2e;

import static io.gull.devstack.e2e.PubSubFixture.edgeA;
import static io.gull.devstack.e2e.PubSubFixture.edgeB;
import static io.gull.devstack.e2e.PubSubFixture.kafka;
import static io.gull.devstack.e2e.PubSubFixture.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.gull.devstack.testing.SharedStack;
import io.gull.schemas.Codecs;
import io.gull.schemas.Topics;
import io.gull.schemas.avro.Command;

/**
 * Wills published by the sessions job when a client goes away abruptly (keep-alive expiry, its edge killed), and
 * commands from gull.commands reaching a device online or, queued, after it comes back. Runs late: it kills an edge.
 */
@Order(Integer.MAX_VALUE - 2)
class WillsAndCommandsTest {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void shouldPublishTheWillOfAClientThatStopsSendingWhenItsKeepAliveExpires() throws Exception {
        String prefix = unique("keepalive");
        try (V5Client watcher = V5Client.connect(edgeA(), unique("watcher"), true, 0);
                V5Client probe = V5Client.connect(edgeA(), unique("probe"), true, 0)) {
            watcher.subscribe(prefix + "/#", 1);
            Routes.awaitActive(probe, watcher, prefix + "/probe");

            // given a client on edge B with keep-alive 1 s and a will, which then sends nothing at all
            try (RawMqttClient silent = RawMqttClient.connectWithWill(edgeB(), unique("silent"), 1,
                    prefix + "/status", "lost")) {
                // when 1.5 x keep-alive passes, then the edge closes it (MQTT-3.1.2-24)
                assertThat(silent.closedByServer()).isTrue();
            }

            // and the will reaches the subscriber
            await().atMost(WAIT).until(() -> watcher.payloadsOn(prefix + "/status").contains("lost"));
        }
    }

    @Test
    void shouldPublishTheWillsOfTheClientsOfAnEdgeKilledWithKill9() throws Exception {
        String prefix = unique("edge-death");
        try (V5Client watcher = V5Client.connect(edgeA(), unique("watcher"), true, 0);
                V5Client probe = V5Client.connect(edgeA(), unique("probe"), true, 0)) {
            watcher.subscribe(prefix + "/#", 1);
            Routes.awaitActive(probe, watcher, prefix + "/probe");

            // given a client with a will on edge B
            MqttAsyncClient client = new MqttAsyncClient(edgeB(), unique("doomed"), new MemoryPersistence());
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setCleanStart(true);
            options.setAutomaticReconnect(false);
            options.setWill(prefix + "/status", new MqttMessage("edge-died".getBytes(StandardCharsets.UTF_8), 1,
                    false, null));
            client.connect(options).waitForCompletion(60_000);
            try {
                // when edge B is killed: nothing is left to say the client went away but the missing heartbeats
                SharedStack.get().stack().killService("edge-2");

                // then the sessions job declares the edge dead and publishes the will
                await().atMost(WAIT).until(() -> watcher.payloadsOn(prefix + "/status").contains("edge-died"));
            } finally {
                client.close(true);
                SharedStack.get().stack().startService("edge-2");
            }
        }
    }

    @Test
    void shouldDeliverACommandToAConnectedDeviceAndQueueOneForAnOfflinePersistentSession() throws Exception {
        String deviceId = unique("commanded");
        String topic = "commands/" + deviceId;
        // given a device with a persistent session, subscribed to nothing (commands go to the session itself)
        try (V5Client device = V5Client.connect(edgeB(), deviceId, true, 3600)) {
            // when an application sends it a command, then it arrives
            send(deviceId, topic, "reboot");
            await().atMost(WAIT).until(() -> device.payloadsOn(topic).contains("reboot"));
            device.disconnect();
        }

        // when another command is sent while it is offline, then it gets it on reconnecting, on any edge
        send(deviceId, topic, "update");
        try (V5Client back = V5Client.connect(edgeA(), deviceId, false, 3600)) {
            assertThat(back.sessionPresent()).isTrue();
            await().atMost(WAIT).until(() -> back.payloadsOn(topic).contains("update"));
            assertThat(back.payloadsOn(topic)).doesNotContain("reboot");
        }
    }

    private static void send(String deviceId, String topic, String payload) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        Instant now = Instant.now();
        Command command = Command.newBuilder().setCommandId(unique("cmd")).setDeviceId(deviceId).setTopic(topic)
                .setPayload(ByteBuffer.wrap(payload.getBytes(StandardCharsets.UTF_8))).setQos(1)
                .setProperties(Map.of()).setCreatedAt(now).setExpiresAt(now.plus(Duration.ofHours(1))).build();
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.COMMANDS, deviceId, Codecs.COMMAND.encode(command)))
                    .get(30, TimeUnit.SECONDS);
        }
    }
}
