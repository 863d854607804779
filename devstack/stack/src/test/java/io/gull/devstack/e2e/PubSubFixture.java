package io.gull.devstack.e2e;

import java.util.concurrent.atomic.AtomicInteger;

import io.gull.devstack.testing.SharedStack;

/** The shared test stack as pub/sub tests see it: two edges, Kafka, unique names per test. */
final class PubSubFixture {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000, 36);

    private PubSubFixture() {
    }

    /** MQTT URI of edge A (the first edge). */
    static String edgeA() {
        return SharedStack.get().endpoints().mqttEdges().get(0);
    }

    /** MQTT URI of edge B (the second edge). */
    static String edgeB() {
        return SharedStack.get().endpoints().mqttEdges().get(1);
    }

    static String kafka() {
        return SharedStack.get().endpoints().kafkaBootstrap();
    }

    /** A name no other test (or earlier run) uses: client ids, topic prefixes, tenants. */
    static String unique(String what) {
        return what + "-" + RUN + "-" + COUNTER.incrementAndGet();
    }
}
