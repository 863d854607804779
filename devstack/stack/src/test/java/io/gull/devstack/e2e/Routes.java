package io.gull.devstack.e2e;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * Subscriptions take effect when the sessions job has applied them, normally milliseconds after the SUBACK
 * (docs/pubsub.md). Tests that need "subscribed, now publish" wait for that with a probe: QoS 0 messages on a topic
 * of their own, published until the subscriber sees one.
 */
final class Routes {
    private Routes() {
    }

    /** Publishes probes to {@code probeTopic} (which the subscriber's filter must match) until one arrives. */
    static void awaitActive(V5Client publisher, V5Client subscriber, String probeTopic) {
        awaitActive(publisher, () -> !subscriber.messagesOn(probeTopic).isEmpty(), probeTopic);
    }

    /** Publishes probes to {@code probeTopic} until {@code probeArrived} says the subscriber has one. */
    static void awaitActive(V5Client publisher, BooleanSupplier probeArrived, String probeTopic) {
        int[] sent = {0};
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (probeArrived.getAsBoolean()) {
                return true;
            }
            publish(publisher, probeTopic, "probe-" + sent[0]++);
            return false;
        });
    }

    /** A subscriber to {@code prefix/#} on edge B whose subscription is known to be active. */
    static V5Client watchOnEdgeB(String prefix) throws Exception {
        V5Client watcher = V5Client.connect(PubSubFixture.edgeB(), PubSubFixture.unique("watcher"), true, 0);
        try (V5Client probe = V5Client.connect(PubSubFixture.edgeA(), PubSubFixture.unique("probe"), true, 0)) {
            watcher.subscribe(prefix + "/#", 1);
            awaitActive(probe, watcher, prefix + "/probe");
            return watcher;
        } catch (Exception | Error e) {
            watcher.close();
            throw e;
        }
    }

    private static void publish(V5Client publisher, String topic, String payload) {
        try {
            publisher.publish(topic, payload, 0, false);
        } catch (MqttException e) {
            throw new IllegalStateException("probe publish failed: " + e, e);
        }
    }
}
