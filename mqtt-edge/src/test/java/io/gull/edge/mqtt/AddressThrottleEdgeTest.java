package io.gull.edge.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttSecurityException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.gull.edge.EdgeConfig;
import io.gull.edge.EdgeConfigParser;
import io.gull.schemas.avro.AuthDecision;
import io.gull.schemas.avro.AuthOutcome;

/**
 * The edge's MQTT listener on a real TCP port (0) with real Paho clients, the sessions job played by an authenticator
 * that refuses every password: after {@code auth.address.max-failures} refusals from one address, its CONNECTs get
 * CONNACK 0x9F (5.0) / 0x05 (3.1.1) without the edge asking the job.
 */
class AddressThrottleEdgeTest {
    private final AtomicInteger asked = new AtomicInteger();
    private EdgeServer server;
    private String uri;

    @BeforeEach
    void start() throws Exception {
        EdgeConfig config = EdgeConfigParser.parse("--mqtt.host=127.0.0.1", "--mqtt.port=0",
                "--auth.address.max-failures=3");
        Authenticator refusesAll = request -> {
            asked.incrementAndGet();
            return CompletableFuture.completedFuture(AuthDecision.newBuilder()
                    .setRequestId(request.getRequestId())
                    .setClientId(request.getClientId())
                    .setConnectionId(request.getConnectionId())
                    .setOutcome(AuthOutcome.BAD_CREDENTIALS)
                    .setDecidedAt(Instant.now())
                    .build());
        };
        server = EdgeServer.bind(new ConnectionServices(config, refusesAll, new RecordingIngress(),
                new RecordingSessionEvents(), new ClientRegistry(), new ConnectionRegistry(), new DeliveryCounters(),
                new DrainSignal(), Clock.systemUTC()));
        uri = "tcp://127.0.0.1:" + server.address().getPort();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void shouldAnswer0x9FWithoutAskingTheJobAfterThreeBadPasswordsFromOneAddress() throws Exception {
        // given three bad passwords from 127.0.0.1, each refused by the job with 0x86
        for (int i = 0; i < 3; i++) {
            assertThat(connectV5("dev" + i, "wrong" + i)).isEqualTo(0x86);
        }

        // when a fourth CONNECT comes from the same address, for another client id
        int code = connectV5("dev-other", "guess");

        // then it is refused with Connection rate exceeded, and the job was not asked
        assertThat(code).isEqualTo(0x9F);
        assertThat(asked).hasValue(3);
    }

    @Test
    void shouldAnswer0x05ToAnMqtt311ClientFromARefusedAddress() throws Exception {
        // given the address refused after three bad passwords
        for (int i = 0; i < 3; i++) {
            connectV5("dev" + i, "wrong");
        }

        // when a 3.1.1 client connects from it
        var client = new org.eclipse.paho.client.mqttv3.MqttClient(uri, "dev-v3", new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setUserName("dev-v3");
        options.setPassword("pw".toCharArray());

        // then it gets 0x05 (3.1.1 has no rate code), unasked
        assertThatThrownBy(() -> client.connect(options))
                .isInstanceOfSatisfying(MqttSecurityException.class,
                        e -> assertThat(e.getReasonCode()).isEqualTo(0x05));
        client.close();
        assertThat(asked).hasValue(3);
    }

    /** The CONNACK reason code a Paho 5 client gets (the connect always fails here). */
    private int connectV5(String clientId, String password) throws Exception {
        var client = new org.eclipse.paho.mqttv5.client.MqttClient(uri, clientId,
                new org.eclipse.paho.mqttv5.client.persist.MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(clientId);
        options.setPassword(password.getBytes(StandardCharsets.UTF_8));
        try {
            client.connect(options);
            client.disconnect();
            return 0;
        } catch (MqttException e) {
            return e.getReasonCode();
        } finally {
            client.close();
        }
    }
}
