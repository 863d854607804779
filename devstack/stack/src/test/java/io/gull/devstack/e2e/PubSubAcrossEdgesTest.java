package io.gull.devstack.e2e;

import static io.gull.devstack.e2e.PubSubFixture.edgeA;
import static io.gull.devstack.e2e.PubSubFixture.edgeB;
import static io.gull.devstack.e2e.PubSubFixture.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A subscriber on one edge gets what a publisher on another edge sends, through Kafka and the sessions job; real
 * Paho MQTT 5 clients on the real stack.
 */
class PubSubAcrossEdgesTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @ParameterizedTest(name = "QoS {0}")
    @ValueSource(ints = {0, 1, 2})
    void shouldDeliverToASubscriberOnEdgeBWhatAPublisherOnEdgeASendsInOrderAndOnce(int qos) throws Exception {
        String prefix = unique("qos" + qos);
        try (V5Client subscriber = V5Client.connect(edgeB(), unique("sub"), true, 0);
                V5Client publisher = V5Client.connect(edgeA(), unique("pub"), true, 0)) {
            // given a subscription on edge B
            subscriber.subscribe(prefix + "/#", qos);
            Routes.awaitActive(publisher, subscriber, prefix + "/probe");

            // when a client on edge A publishes ten messages
            List<String> sent = IntStream.range(0, 10).mapToObj(i -> "m" + i).toList();
            for (String payload : sent) {
                publisher.publish(prefix + "/data", payload, qos, false);
            }

            // then the subscriber gets each once, in order, at that QoS
            await().atMost(WAIT).until(() -> subscriber.messagesOn(prefix + "/data").size() >= sent.size());
            assertThat(subscriber.payloadsOn(prefix + "/data")).containsExactlyElementsOf(sent);
            assertThat(subscriber.messagesOn(prefix + "/data")).allSatisfy(m -> assertThat(m.qos()).isEqualTo(qos));
        }
    }

    @Test
    void shouldDeliverOnOneEdgeToo() throws Exception {
        String prefix = unique("one-edge");
        try (V5Client subscriber = V5Client.connect(edgeA(), unique("sub"), true, 0);
                V5Client publisher = V5Client.connect(edgeA(), unique("pub"), true, 0)) {
            subscriber.subscribe(prefix + "/#", 1);
            Routes.awaitActive(publisher, subscriber, prefix + "/probe");

            publisher.publish(prefix + "/data", "hello", 1, false);

            await().atMost(WAIT).until(() -> subscriber.payloadsOn(prefix + "/data").contains("hello"));
        }
    }

    @Test
    void shouldMatchASingleLevelWildcardOnExactlyOneLevel() throws Exception {
        String prefix = unique("plus");
        try (V5Client subscriber = V5Client.connect(edgeB(), unique("sub"), true, 0);
                V5Client publisher = V5Client.connect(edgeA(), unique("pub"), true, 0)) {
            // given a subscription to <prefix>/+/temp
            subscriber.subscribe(prefix + "/+/temp", 1);
            Routes.awaitActive(publisher, subscriber, prefix + "/probe/temp");

            // when messages go to one level, two levels and no level in between, then an end marker
            publisher.publish(prefix + "/kitchen/temp", "one-level", 1, false);
            publisher.publish(prefix + "/kitchen/oven/temp", "two-levels", 1, false);
            publisher.publish(prefix + "/temp", "no-level", 1, false);
            publisher.publish(prefix + "/end/temp", "end", 1, false);

            // then only the one-level message (and the marker) arrived
            await().atMost(WAIT).until(() -> subscriber.payloadsOn(prefix + "/").contains("end"));
            assertThat(subscriber.payloadsOn(prefix + "/")).filteredOn(p -> !p.startsWith("probe"))
                    .containsExactly("one-level", "end");
        }
    }

    @Test
    void shouldDeliverOnceAtTheHighestGrantedQosWhenSubscriptionsOverlap() throws Exception {
        String prefix = unique("overlap");
        try (V5Client subscriber = V5Client.connect(edgeB(), unique("sub"), true, 0);
                V5Client publisher = V5Client.connect(edgeA(), unique("pub"), true, 0)) {
            // given two subscriptions that both match <prefix>/a: one at QoS 1 with id 7, one at QoS 2 with id 9
            subscriber.subscribe(new MqttSubscription(prefix + "/#", 1), 7);
            subscriber.subscribe(new MqttSubscription(prefix + "/a", 2), 9);
            Routes.awaitActive(publisher, subscriber, prefix + "/probe");
            Routes.awaitActive(publisher, subscriber, prefix + "/a");

            // when a QoS 2 message is published to <prefix>/a
            publisher.publish(prefix + "/a", "both", 2, false);

            // then it arrives once, at QoS 2, with both subscription identifiers
            await().atMost(WAIT).until(() -> subscriber.payloadsOn(prefix + "/a").contains("both"));
            List<V5Client.Received> got = subscriber.messagesOn(prefix + "/a").stream()
                    .filter(m -> m.payload().equals("both")).toList();
            assertThat(got).singleElement().satisfies(m -> {
                assertThat(m.qos()).isEqualTo(2);
                assertThat(m.subscriptionIds()).containsExactlyInAnyOrder(7, 9);
            });
        }
    }

    @Test
    void shouldNotSendANoLocalSubscriberItsOwnMessages() throws Exception {
        String prefix = unique("nolocal");
        try (V5Client both = V5Client.connect(edgeA(), unique("both"), true, 0);
                V5Client other = V5Client.connect(edgeB(), unique("other"), true, 0)) {
            // given a client subscribed with No Local
            MqttSubscription noLocal = new MqttSubscription(prefix + "/#", 1);
            noLocal.setNoLocal(true);
            both.subscribe(noLocal);
            Routes.awaitActive(other, both, prefix + "/probe");

            // when it publishes itself, then another client publishes
            both.publish(prefix + "/data", "own", 1, false);
            other.publish(prefix + "/data", "foreign", 1, false);

            // then only the other client's message reaches it
            await().atMost(WAIT).until(() -> both.payloadsOn(prefix + "/data").contains("foreign"));
            assertThat(both.payloadsOn(prefix + "/data")).containsExactly("foreign");
        }
    }

    @Test
    void shouldDeliverRetainedMessagesOnExactAndWildcardSubscribeWithTheRetainFlag() throws Exception {
        String prefix = unique("retained");
        try (V5Client publisher = V5Client.connect(edgeA(), unique("pub"), true, 0);
                V5Client probe = V5Client.connect(edgeA(), unique("probe"), true, 0)) {
            // given a retained message, stored once it reached the job (a probe subscriber sees it routed)
            probe.subscribe(prefix + "/#", 1);
            Routes.awaitActive(publisher, probe, prefix + "/probe");
            publisher.publish(prefix + "/state", "on", 1, true);
            await().atMost(WAIT).until(() -> probe.payloadsOn(prefix + "/state").contains("on"));

            // when clients on edge B subscribe to it exactly and with a wildcard
            try (V5Client exact = V5Client.connect(edgeB(), unique("exact"), true, 0);
                    V5Client wildcard = V5Client.connect(edgeB(), unique("wild"), true, 0)) {
                exact.subscribe(prefix + "/state", 1);
                wildcard.subscribe(prefix + "/+", 1);

                // then both get it with the retain flag set
                await().atMost(WAIT).until(() -> !exact.messagesOn(prefix + "/state").isEmpty()
                        && !wildcard.messagesOn(prefix + "/state").isEmpty());
                assertThat(exact.messagesOn(prefix + "/state")).singleElement()
                        .satisfies(m -> assertThat(m.retained()).isTrue());
                assertThat(wildcard.messagesOn(prefix + "/state")).singleElement()
                        .satisfies(m -> assertThat(m.payload()).isEqualTo("on"));
            }

            // when the retained message is deleted with an empty payload, and another topic keeps one
            publisher.publish(prefix + "/state", "", 1, true);
            publisher.publish(prefix + "/other", "kept", 1, true);
            await().atMost(WAIT).until(() -> probe.payloadsOn(prefix + "/other").contains("kept"));

            // then a new subscriber gets the other one (so its retained messages were looked up) but not the deleted one
            try (V5Client late = V5Client.connect(edgeB(), unique("late"), true, 0)) {
                late.subscribe(prefix + "/#", 1);
                await().atMost(WAIT).until(() -> late.payloadsOn(prefix + "/other").contains("kept"));
                assertThat(late.messagesOn(prefix + "/state")).isEmpty();
            }
        }
    }

    @Test
    void shouldNotMatchDollarTopicsWithLeadingWildcards() throws Exception {
        // given a tenant of its own, with subscribers to '#', to '+/status' and to '$gull-test/#'
        String tenant = unique("dollar");
        try (V5Client publisher = TenantDevice.register(tenant).connect(edgeA());
                V5Client hash = TenantDevice.register(tenant).connect(edgeB());
                V5Client plus = TenantDevice.register(tenant).connect(edgeB());
                V5Client dollar = TenantDevice.register(tenant).connect(edgeB())) {
            hash.subscribe("#", 1);
            plus.subscribe("+/status", 1);
            dollar.subscribe("$gull-test/#", 1);
            Routes.awaitActive(publisher, hash, "probe/status");
            Routes.awaitActive(publisher, plus, "probe/status");
            Routes.awaitActive(publisher, dollar, "$gull-test/probe");

            // when a message goes to a $ topic, then a marker to an ordinary one
            publisher.publish("$gull-test/status", "dollar", 1, false);
            publisher.publish("end/status", "end", 1, false);

            // then only the explicit $ subscription gets it (MQTT-4.7.2-1)
            await().atMost(WAIT).until(() -> dollar.payloadsOn("$gull-test/status").contains("dollar")
                    && hash.payloadsOn("end/").contains("end") && plus.payloadsOn("end/").contains("end"));
            assertThat(hash.messagesOn("$")).isEmpty();
            assertThat(plus.messagesOn("$")).isEmpty();
        }
    }
}
