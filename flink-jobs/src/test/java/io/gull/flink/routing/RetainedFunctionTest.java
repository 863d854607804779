package io.gull.flink.routing;

import static io.gull.flink.routing.RoutingFixtures.expiring;
import static io.gull.flink.routing.RoutingFixtures.publish;
import static io.gull.flink.routing.RoutingFixtures.subscription;
import static io.gull.flink.routing.RoutingFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.gull.schemas.avro.Publish;
import io.gull.schemas.avro.Subscription;

/** The retained operator: retained messages per tenant and first level, sent to new subscriptions. */
class RetainedFunctionTest {
    private static final String A = "tenant-a";
    private static final String B = "tenant-b";

    private RetainedFunction function;
    private KeyedBroadcastOperatorTestHarness<String, RetainedInput, RetainedRequest, Match> harness;

    @BeforeEach
    void open() throws Exception {
        start(new RoutingConfig(100, 1000, 10_000), null);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void shouldSendTheRetainedMessageToANewSubscriptionWithRetainSet() throws Exception {
        // given
        retain(A, "home/temp", 2, "21");

        // when
        List<Match> matches = request(A, "sub", subscription("home/temp", 1, 9));

        // then
        assertThat(matches).singleElement().satisfies(match -> {
            assertThat(match.clientId()).isEqualTo("sub");
            assertThat(match.retain()).isTrue();
            assertThat(match.qos()).isEqualTo(1);
            assertThat(match.subscriptionIds()).containsExactly(9);
            assertThat(text(match.message().getPayload())).isEqualTo("21");
        });
    }

    @Test
    void shouldGiveEachRetainedCopyAnIdOfItsOwnSoASecondSubscribeGetsItAgain() throws Exception {
        // given a retained message
        retain(A, "home/temp", 1, "21");

        // when the same client subscribes to it twice (MQTT-3.8.4-3: a repeated SUBSCRIBE resends retained messages)
        harness.setProcessingTime(1);
        Match first = request(A, "sub", subscription("home/temp", 1, 0)).get(0);
        harness.setProcessingTime(2);
        Match second = request(A, "sub", subscription("home/temp", 1, 0)).get(0);

        // then each copy has an id of its own, not the live message's (which the edge may have completed already)
        assertThat(first.message().getMessageId()).isNotEqualTo(second.message().getMessageId())
                .isNotEqualTo(retained(A, "home/temp", 1, "21").getMessageId());
    }

    @Test
    void shouldKeepOnlyTheLatestRetainedMessageOfATopic() throws Exception {
        // given
        retain(A, "home/temp", 1, "20");
        retain(A, "home/temp", 1, "22");

        // then
        assertThat(request(A, "sub", subscription("home/temp", 1))).singleElement()
                .satisfies(match -> assertThat(text(match.message().getPayload())).isEqualTo("22"));
    }

    @Test
    void shouldDeleteTheRetainedMessageOnAnEmptyPayload() throws Exception {
        // given
        retain(A, "home/temp", 1, "20");

        // when
        retain(A, "home/temp", 1, "");

        // then
        assertThat(request(A, "sub", subscription("home/temp", 1))).isEmpty();
        assertThat(request(A, "sub", subscription("home/#", 1))).isEmpty();
    }

    @Test
    void shouldDropAnExpiredRetainedMessageWhenItIsFound() throws Exception {
        // given a retained message with a 10 s expiry, received at 0
        harness.processElement(RetainedInput.ofPublish(expiring(retained(A, "home/temp", 1, "20"), 0, 10)), 0);
        retain(A, "home/humidity", 1, "40");

        // when a subscriber asks 11 s later
        harness.setProcessingTime(11_000);
        List<Match> matches = request(A, "sub", subscription("home/+", 1));

        // then only the live message is sent and the expired one is gone
        assertThat(matches).extracting(match -> match.message().getTopic()).containsExactly("home/humidity");
        assertThat(function.metrics().expiredCount()).isEqualTo(1);
        assertThat(request(A, "sub", subscription("home/temp", 1))).isEmpty();
        assertThat(function.metrics().expiredCount()).isEqualTo(1);
    }

    @Test
    void shouldDropExpiredRetainedMessagesFoundByABroadcastRequest() throws Exception {
        // given a retained message with a 10 s expiry, received at 0, and one without expiry
        harness.processElement(RetainedInput.ofPublish(expiring(retained(A, "home/temp", 1, "20"), 0, 10)), 0);
        retain(A, "office/temp", 1, "19");

        // when a subscription to # comes 11 s later, then only the live one is sent
        harness.setProcessingTime(11_000);
        assertThat(topics(broadcastRequest(A, "sub", subscription("#", 1)))).containsExactly("office/temp");

        // and the expired one is gone from state
        assertThat(function.metrics().expiredCount()).isEqualTo(1);
        assertThat(topics(broadcastRequest(A, "sub", subscription("#", 1)))).containsExactly("office/temp");
        assertThat(function.metrics().expiredCount()).isEqualTo(1);
    }

    @Test
    void shouldSplitTheCapOfABroadcastRequestBetweenTheSubtasks() {
        assertThat(RetainedRules.broadcastShare(10_000, 1)).isEqualTo(10_000);
        assertThat(RetainedRules.broadcastShare(10_000, 4)).isEqualTo(2_500);
        assertThat(RetainedRules.broadcastShare(3, 8)).isEqualTo(1);
    }

    @Test
    void shouldSendEveryMatchingRetainedMessageToAWildcardSubscriptionInItsShard() throws Exception {
        // given
        retain(A, "sensors/a/temp", 1, "1");
        retain(A, "sensors/b/temp", 1, "2");
        retain(A, "sensors/b/humidity", 1, "3");
        retain(A, "actuators/a/temp", 1, "4");

        // then
        assertThat(topics(request(A, "sub", subscription("sensors/+/temp", 1))))
                .containsExactlyInAnyOrder("sensors/a/temp", "sensors/b/temp");
        assertThat(topics(request(A, "sub", subscription("sensors/#", 1))))
                .containsExactlyInAnyOrder("sensors/a/temp", "sensors/b/temp", "sensors/b/humidity");
    }

    @Test
    void shouldReadEveryShardOfTheTenantForALeadingWildcardButNoDollarTopics() throws Exception {
        // given
        retain(A, "sensors/a/temp", 1, "1");
        retain(A, "actuators/a/temp", 1, "2");
        retain(A, "$SYS/uptime", 1, "3");
        retain(B, "sensors/b/temp", 1, "other tenant");

        // when tenant A subscribes to # and +/a/temp (broadcast to every subtask, as Routing does)
        List<Match> everything = broadcastRequest(A, "sub", subscription("#", 2));
        List<Match> plus = broadcastRequest(A, "sub", subscription("+/a/temp", 2));

        // then
        assertThat(topics(everything)).containsExactlyInAnyOrder("sensors/a/temp", "actuators/a/temp");
        assertThat(topics(plus)).containsExactlyInAnyOrder("sensors/a/temp", "actuators/a/temp");
        assertThat(everything).allSatisfy(match -> assertThat(match.message().getTenant()).isEqualTo(A));
    }

    @Test
    void shouldGiveTenantBsHashNothingOfTenantA() throws Exception {
        // given
        retain(A, "secret/plans", 1, "x");

        // then
        assertThat(broadcastRequest(B, "spy", subscription("#", 2))).isEmpty();
        assertThat(request(B, "spy", subscription("secret/plans", 2))).isEmpty();
    }

    @Test
    void shouldSendAtMostTheCapPerSubscriptionAndCountTheCut() throws Exception {
        // given a cap of 2 and 3 retained messages
        harness.close();
        start(new RoutingConfig(100, 1000, 2), null);
        retain(A, "s/1", 1, "1");
        retain(A, "s/2", 1, "2");
        retain(A, "s/3", 1, "3");

        // when
        List<Match> matches = request(A, "sub", subscription("s/+", 1));

        // then
        assertThat(matches).hasSize(2);
        assertThat(function.metrics().cappedCount()).isEqualTo(1);
        assertThat(broadcastRequest(A, "sub", subscription("#", 1))).hasSize(2);
        assertThat(function.metrics().cappedCount()).isEqualTo(2);
    }

    @Test
    void shouldKeepRetainedMessagesAcrossARestore() throws Exception {
        // given
        retain(A, "home/temp", 1, "20");
        OperatorSubtaskState snapshot = harness.snapshot(1, 1);
        harness.close();

        // when
        start(new RoutingConfig(100, 1000, 10_000), snapshot);

        // then
        assertThat(topics(request(A, "sub", subscription("home/temp", 1)))).containsExactly("home/temp");
        assertThat(topics(broadcastRequest(A, "sub", subscription("#", 1)))).containsExactly("home/temp");
    }

    private void start(RoutingConfig config, OperatorSubtaskState restored) throws Exception {
        function = new RetainedFunction(config);
        harness = Harnesses.retained(function, restored);
    }

    private static Publish retained(String tenant, String topic, int qos, String payload) {
        return publish(tenant, "pub", topic, qos, true, "m-" + topic + "-" + payload, payload);
    }

    private void retain(String tenant, String topic, int qos, String payload) throws Exception {
        harness.processElement(RetainedInput.ofPublish(retained(tenant, topic, qos, payload)), 0);
    }

    private List<Match> request(String tenant, String clientId, Subscription subscription) throws Exception {
        harness.getOutput().clear();
        harness.processElement(RetainedInput.ofRequest(new RetainedRequest(tenant, clientId, subscription)), 0);
        return harness.extractOutputValues();
    }

    private List<Match> broadcastRequest(String tenant, String clientId, Subscription subscription) throws Exception {
        harness.getOutput().clear();
        harness.processBroadcastElement(new RetainedRequest(tenant, clientId, subscription), 0);
        return harness.extractOutputValues();
    }

    private static List<String> topics(List<Match> matches) {
        return matches.stream().map(match -> match.message().getTopic()).toList();
    }
}
