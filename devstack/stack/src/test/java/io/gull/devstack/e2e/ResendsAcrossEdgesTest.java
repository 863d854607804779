package io.gull.devstack.e2e;

import static io.gull.devstack.e2e.PubSubFixture.edgeA;
import static io.gull.devstack.e2e.PubSubFixture.edgeB;
import static io.gull.devstack.e2e.PubSubFixture.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.gull.devstack.testing.SharedStack;

/**
 * A device that lost an acknowledgement resends the message with DUP after reconnecting, here to the other edge:
 * the message is routed once and stored as one telemetry row (QoS 1), and a QoS 2 message resent before PUBREL
 * reaches its subscriber once.
 */
class ResendsAcrossEdgesTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static TelemetryRows rows;

    @BeforeAll
    static void openRows() {
        rows = new TelemetryRows(SharedStack.get().endpoints().cassandraContactPoint(),
                SharedStack.get().config().keyspace());
    }

    @AfterAll
    static void closeRows() {
        rows.close();
    }

    @Test
    void shouldRouteAndStoreAQos1DupResendOnAnotherEdgeOnce() throws Exception {
        // given a subscriber to a device's topics
        String tenant = unique("resend-q1");
        TenantDevice device = TenantDevice.register(tenant);
        String topic = "devices/" + device.id() + "/temp";
        Instant start = Instant.now();
        try (V5Client subscriber = TenantDevice.register(tenant).connect(edgeB());
                V5Client prober = TenantDevice.register(tenant).connect(edgeA())) {
            subscriber.subscribe("devices/#", 1);
            Routes.awaitActive(prober, subscriber, "devices/probe");

            // when the device publishes on edge A, loses the connection, and resends with DUP on edge B
            try (ResendingDevice onA = connect(edgeA(), device)) {
                onA.publish(topic, "reading-1", 1, 5, false);
            }
            try (ResendingDevice onB = connect(edgeB(), device)) {
                onB.publish(topic, "reading-1", 1, 5, true);
                onB.publish(topic, "reading-2", 1, 6, false);
            }

            // then the subscriber gets it once, and Cassandra holds one row of it
            await().atMost(WAIT).until(() -> subscriber.payloadsOn(topic).contains("reading-2"));
            assertThat(subscriber.payloadsOn(topic)).containsExactly("reading-1", "reading-2");
            await().atMost(WAIT).until(() -> rows.of(device.id(), start).size() >= 2);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(rows.of(device.id(), start)).extracting(TelemetryRows.StoredMessage::payload)
                            .containsExactlyInAnyOrder("reading-1", "reading-2"));
        }
    }

    @Test
    void shouldDeliverAQos2MessageResentOnAnotherEdgeBeforePubrelOnce() throws Exception {
        // given a QoS 2 subscriber
        String tenant = unique("resend-q2");
        TenantDevice device = TenantDevice.register(tenant);
        String topic = "devices/" + device.id() + "/switch";
        try (V5Client subscriber = TenantDevice.register(tenant).connect(edgeA());
                V5Client prober = TenantDevice.register(tenant).connect(edgeB())) {
            subscriber.subscribe("devices/#", 2);
            Routes.awaitActive(prober, subscriber, "devices/probe");

            // when the device's QoS 2 PUBLISH is PUBRECed on edge A, the connection drops before PUBREL,
            // and the device resends it with DUP on edge B, then releases it there
            try (ResendingDevice onA = connect(edgeA(), device)) {
                onA.publish(topic, "on", 2, 9, false);
            }
            try (ResendingDevice onB = connect(edgeB(), device)) {
                onB.publish(topic, "on", 2, 9, true);
                onB.release(9);
                onB.publish(topic, "off", 2, 10, false);
                onB.release(10);
            }

            // then the subscriber gets it exactly once
            await().atMost(WAIT).until(() -> subscriber.payloadsOn(topic).contains("off"));
            assertThat(subscriber.payloadsOn(topic)).containsExactly("on", "off");
        }
    }

    private static ResendingDevice connect(String uri, TenantDevice device) throws Exception {
        ResendingDevice[] connected = new ResendingDevice[1];
        await().atMost(WAIT).ignoreExceptions().until(() -> {
            connected[0] = ResendingDevice.connect(uri, device.id(), device.password());
            return true;
        });
        return connected[0];
    }
}
