package io.gull.flink.routing;

import static io.gull.flink.routing.RoutingFixtures.member;
import static io.gull.flink.routing.RoutingFixtures.publish;
import static io.gull.flink.routing.RoutingFixtures.subscription;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.gull.schemas.avro.Publish;

/** One member of a shared subscription per message, online ones first, a handed-back message to another member. */
class SharedGroupFunctionTest {
    private static final String T = "acme";
    private static final String FILTER = "$share/workers/jobs/+";
    private static final String GROUP = RoutingKeys.sharedSubscription(T, FILTER);

    private KeyedOneInputStreamOperatorTestHarness<String, SharedInput, Match> harness;

    @BeforeEach
    void start() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(new SharedGroupFunction(), SharedInput::key,
                Types.STRING);
    }

    @AfterEach
    void stop() throws Exception {
        harness.close();
    }

    @Test
    void shouldSplitMessagesAcrossTheOnlineMembers() throws Exception {
        // given two online members and one offline
        join("w1", SharedMember.Status.ONLINE);
        join("w2", SharedMember.Status.ONLINE);
        join("w3", SharedMember.Status.OFFLINE);

        // when four messages arrive
        for (int i = 0; i < 4; i++) {
            harness.processElement(SharedInput.ofMatch(new SharedMatch(GROUP, message("m" + i, 1), null, 0)), 0);
        }

        // then they alternate between the online members, each tagged with the subscription
        List<Match> matches = harness.extractOutputValues();
        assertThat(matches).extracting(Match::clientId).containsExactly("w1", "w2", "w1", "w2");
        assertThat(matches).allSatisfy(match -> assertThat(match.shared()).isEqualTo(new SharedTag(GROUP, 0)));
    }

    @Test
    void shouldDeliverAtTheMembersGrantedQos() throws Exception {
        harness.processElement(SharedInput.ofMember(new SharedMember(T, "w1", subscription(FILTER, 0, 7),
                SharedMember.Status.ONLINE)), 0);

        harness.processElement(SharedInput.ofMatch(new SharedMatch(GROUP, message("m", 2), null, 0)), 0);

        assertThat(harness.extractOutputValues()).singleElement().satisfies(match -> {
            assertThat(match.qos()).isZero();
            assertThat(match.subscriptionIds()).containsExactly(7);
        });
    }

    @Test
    void shouldGiveAHandedBackMessageToAnotherMemberAndForgetMembersThatLeft() throws Exception {
        // given two members, one of which went offline and handed a message back
        join("w1", SharedMember.Status.ONLINE);
        join("w2", SharedMember.Status.OFFLINE);

        // when its message comes back, then the other one gets it
        harness.processElement(SharedInput.ofMatch(new SharedMatch(GROUP, message("m", 1), "w2", 1)), 0);
        assertThat(harness.extractOutputValues()).extracting(Match::clientId).containsExactly("w1");

        // when both leave, then a new message has nobody to go to
        join("w1", SharedMember.Status.LEFT);
        join("w2", SharedMember.Status.LEFT);
        harness.processElement(SharedInput.ofMatch(new SharedMatch(GROUP, message("n", 1), null, 0)), 0);
        assertThat(harness.extractOutputValues()).hasSize(1);
    }

    private void join(String clientId, SharedMember.Status status) throws Exception {
        harness.processElement(SharedInput.ofMember(member(T, clientId, FILTER, status)), 0);
    }

    private static Publish message(String id, int qos) {
        return publish(T, "pub", "jobs/1", qos, false, id, id);
    }
}
