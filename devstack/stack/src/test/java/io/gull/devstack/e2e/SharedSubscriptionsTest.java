package io.gull.devstack.e2e;

import static io.gull.devstack.e2e.PubSubFixture.edgeA;
import static io.gull.devstack.e2e.PubSubFixture.edgeB;
import static io.gull.devstack.e2e.PubSubFixture.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.Test;

/**
 * Shared subscriptions ({@code $share/<group>/<filter>}) across edges: each message goes to one member of the group,
 * none is lost or doubled, and a member that leaves hands what it has not acknowledged to another.
 */
class SharedSubscriptionsTest {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void shouldSplitMessagesAcrossMembersOnTwoEdgesWithNoneLostOrDoubled() throws Exception {
        String prefix = unique("shared-split");
        String filter = "$share/workers/" + prefix + "/#";
        try (V5Client publisher = V5Client.connect(edgeA(), unique("pub"), true, 0);
                V5Client first = V5Client.connect(edgeA(), unique("w1"), true, 0);
                V5Client second = V5Client.connect(edgeB(), unique("w2"), true, 0)) {
            // given two members of one shared subscription, on different edges
            first.subscribe(filter, 1);
            second.subscribe(filter, 1);
            awaitBothMembers(publisher, first, second, prefix + "/probe");

            // when 100 QoS 1 messages are published
            List<String> sent = publish(publisher, prefix + "/data", 100);

            // then each reached exactly one member, and both members got some
            await().atMost(WAIT).until(() -> received(first, second, prefix + "/data").size() >= sent.size());
            List<String> all = received(first, second, prefix + "/data");
            assertThat(all).containsExactlyInAnyOrderElementsOf(sent);
            assertThat(first.payloadsOn(prefix + "/data")).isNotEmpty();
            assertThat(second.payloadsOn(prefix + "/data")).isNotEmpty();
        }
    }

    @Test
    void shouldHandTheMessagesAMemberNeverAcknowledgedToAnotherWhenItLeaves() throws Exception {
        String prefix = unique("shared-handoff");
        String filter = "$share/workers/" + prefix + "/#";
        try (V5Client publisher = V5Client.connect(edgeA(), unique("pub"), true, 0);
                V5Client steady = V5Client.connect(edgeA(), unique("steady"), true, 0)) {
            // given two members, one of which receives but never acknowledges
            V5Client silent = V5Client.connect(edgeB(), unique("silent"), true, 0);
            List<String> sent;
            try {
                steady.subscribe(filter, 1);
                silent.subscribe(filter, 1);
                awaitBothMembers(publisher, steady, silent, prefix + "/probe");
                silent.stopAcking();
                sent = publish(publisher, prefix + "/data", 20);
                await().atMost(WAIT).until(() -> received(steady, silent, prefix + "/data").size() >= sent.size());
                assertThat(silent.payloadsOn(prefix + "/data")).isNotEmpty();
            } finally {
                // when the silent member leaves (its session ends with the connection)
                silent.close();
            }

            // then the steady member gets every message, the silent one's included
            await().atMost(WAIT).untilAsserted(() ->
                    assertThat(steady.payloadsOn(prefix + "/data")).containsAll(sent));
        }
    }

    /** Probes until both members got one: both memberships are active. */
    private static void awaitBothMembers(V5Client publisher, V5Client one, V5Client other, String probeTopic) {
        int[] sent = {0};
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!one.messagesOn(probeTopic).isEmpty() && !other.messagesOn(probeTopic).isEmpty()) {
                return true;
            }
            publisher.publish(probeTopic, "probe-" + sent[0]++, 0, false);
            return false;
        });
    }

    private static List<String> publish(V5Client publisher, String topic, int count) throws MqttException {
        List<String> sent = new ArrayList<>();
        for (String payload : IntStream.range(0, count).mapToObj(i -> "m-" + i).toList()) {
            publisher.publish(topic, payload, 1, false);
            sent.add(payload);
        }
        return sent;
    }

    private static List<String> received(V5Client one, V5Client other, String topic) {
        List<String> all = new ArrayList<>(one.payloadsOn(topic));
        all.addAll(other.payloadsOn(topic));
        return all;
    }
}
