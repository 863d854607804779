package io.gull.flink.routing;

import static io.gull.flink.routing.RoutingFixtures.publish;
import static io.gull.flink.routing.RoutingFixtures.subscribed;
import static io.gull.flink.routing.RoutingFixtures.subscription;
import static io.gull.flink.routing.RoutingFixtures.unsubscribed;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.gull.schemas.avro.Publish;
import io.gull.schemas.avro.Subscription;

/** The match operator: exact subscriptions in keyed state, wildcard ones broadcast, one Match per subscriber. */
class MatchFunctionTest {
    private static final String A = "tenant-a";
    private static final String B = "tenant-b";

    private MatchFunction function;
    private KeyedBroadcastOperatorTestHarness<String, MatchInput, SubscriptionChange, Match> harness;

    @BeforeEach
    void open() throws Exception {
        function = new MatchFunction();
        harness = Harnesses.match(function, null);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void shouldMatchAnExactSubscription() throws Exception {
        // given
        subscribe(A, "sub", subscription("home/kitchen/temp", 1, 5));

        // when
        List<Match> matches = route(publish(A, "pub", "home/kitchen/temp", 1));

        // then
        assertThat(matches).singleElement().satisfies(match -> {
            assertThat(match.clientId()).isEqualTo("sub");
            assertThat(match.qos()).isEqualTo(1);
            assertThat(match.subscriptionIds()).containsExactly(5);
            assertThat(match.message().getTopic()).isEqualTo("home/kitchen/temp");
        });
        assertThat(route(publish(A, "pub", "home/kitchen/humidity", 1))).isEmpty();
    }

    @Test
    void shouldMatchPlusAndHashSubscriptions() throws Exception {
        // given
        subscribe(A, "plus", subscription("home/+/temp", 1));
        subscribe(A, "hash", subscription("home/#", 0));

        // then
        assertThat(clients(route(publish(A, "pub", "home/kitchen/temp", 1)))).containsExactlyInAnyOrder("plus", "hash");
        assertThat(clients(route(publish(A, "pub", "home", 1)))).containsExactly("hash");
        assertThat(clients(route(publish(A, "pub", "office/kitchen/temp", 1)))).isEmpty();
    }

    @Test
    void shouldNotMatchDollarTopicsWithLeadingWildcards() throws Exception {
        // given
        subscribe(A, "everything", subscription("#", 1));
        subscribe(A, "plus", subscription("+/status", 1));
        subscribe(A, "sys", subscription("$SYS/#", 1));

        // then
        assertThat(clients(route(publish(A, "pub", "$SYS/status", 1)))).containsExactly("sys");
    }

    @Test
    void shouldNeverMatchAcrossTenants() throws Exception {
        // given tenant B subscribed to everything and to tenant A's topic by name
        subscribe(B, "spy", subscription("#", 2));
        subscribe(B, "spy-exact", subscription("secret/plans", 2));

        // when tenant A publishes
        List<Match> matches = route(publish(A, "pub", "secret/plans", 1));

        // then tenant B gets nothing
        assertThat(matches).isEmpty();
        assertThat(clients(route(publish(B, "pub-b", "secret/plans", 1))))
                .containsExactlyInAnyOrder("spy", "spy-exact");
    }

    @Test
    void shouldSkipThePublishersOwnNoLocalSubscription() throws Exception {
        // given
        Subscription noLocal = Subscription.newBuilder(subscription("chat/room", 1)).setNoLocal(true).build();
        subscribe(A, "alice", noLocal);
        subscribe(A, "bob", noLocal);

        // when
        List<Match> matches = route(publish(A, "alice", "chat/room", 1));

        // then
        assertThat(clients(matches)).containsExactly("bob");
    }

    @Test
    void shouldGiveOverlappingSubscriptionsOneMatchAtTheHighestQosWithBothIds() throws Exception {
        // given
        subscribe(A, "sub", subscription("a/b", 0, 1));
        subscribe(A, "sub", subscription("a/+", 2, 2));

        // when
        List<Match> matches = route(publish(A, "pub", "a/b", 2));

        // then
        assertThat(matches).singleElement().satisfies(match -> {
            assertThat(match.qos()).isEqualTo(2);
            assertThat(match.subscriptionIds()).containsExactlyInAnyOrder(1, 2);
        });
    }

    @Test
    void shouldStopMatchingAfterUnsubscribe() throws Exception {
        // given
        subscribe(A, "sub", subscription("a/b", 1));
        subscribe(A, "sub", subscription("a/#", 1));

        // when
        change(unsubscribed(A, "sub", "a/b"));
        change(unsubscribed(A, "sub", "a/#"));

        // then
        assertThat(route(publish(A, "pub", "a/b", 1))).isEmpty();
    }

    @Test
    void shouldSendAPublishOncePerMatchingSharedSubscriptionAndNotToItsMembers() throws Exception {
        // given two members of one shared subscription, one of another, and an ordinary subscriber
        subscribe(A, "m1", subscription("$share/g/a/b", 1));
        subscribe(A, "m2", subscription("$share/g/a/b", 1));
        subscribe(A, "m3", subscription("$share/g/a/#", 1));
        subscribe(A, "m1", subscription("a/b", 1));

        // when
        List<Match> matches = route(publish(A, "pub", "a/b", 1));

        // then the ordinary subscription matches as always, and each shared subscription once, for its group
        assertThat(matches).extracting(Match::clientId).containsExactly("m1");
        assertThat(harness.getSideOutput(MatchFunction.SHARED)).extracting(record -> record.getValue().group())
                .containsExactlyInAnyOrder(RoutingKeys.sharedSubscription(A, "$share/g/a/b"),
                        RoutingKeys.sharedSubscription(A, "$share/g/a/#"));
        assertThat(function.metrics().sharedCount()).isEqualTo(2);
    }

    @Test
    void shouldStopSendingToASharedSubscriptionOnlyWhenItsLastMemberLeaves() throws Exception {
        // given two members, one of which leaves: the subscription still matches
        subscribe(A, "m1", subscription("$share/g/a/+", 1));
        subscribe(A, "m2", subscription("$share/g/a/+", 1));
        change(unsubscribed(A, "m1", "$share/g/a/+"));

        route(publish(A, "pub", "a/b", 1));
        assertThat(harness.getSideOutput(MatchFunction.SHARED)).hasSize(1);

        // when the other leaves too, then it matches no more
        change(unsubscribed(A, "m2", "$share/g/a/+"));
        route(publish(A, "pub", "a/c", 1));
        assertThat(harness.getSideOutput(MatchFunction.SHARED)).hasSize(1); // still the first one only
    }

    @Test
    void shouldKeepExactAndWildcardSubscriptionsAcrossARestore() throws Exception {
        // given
        subscribe(A, "exact", subscription("a/b", 1));
        subscribe(A, "wild", subscription("a/+", 1));
        OperatorSubtaskState snapshot = harness.snapshot(1, 1);
        harness.close();

        // when the operator is restored from the snapshot
        function = new MatchFunction();
        harness = Harnesses.match(function, snapshot);

        // then both still match, the wildcard index rebuilt from broadcast state
        assertThat(clients(route(publish(A, "pub", "a/b", 1)))).containsExactlyInAnyOrder("exact", "wild");
        assertThat(function.metrics().matches()).isEqualTo(2);
    }

    private void subscribe(String tenant, String clientId, Subscription subscription) throws Exception {
        change(subscribed(tenant, clientId, subscription));
    }

    /** As Routing does: exact changes keyed, wildcard ones broadcast (a shared one by its filter part). */
    private void change(SubscriptionChange change) throws Exception {
        if (SubscriptionKind.of(change.subscription().getFilter()) == SubscriptionKind.EXACT) {
            harness.processElement(MatchInput.ofChange(change), 0);
        } else {
            harness.processBroadcastElement(change, 0);
        }
    }

    private List<Match> route(Publish publish) throws Exception {
        harness.getOutput().clear();
        harness.processElement(MatchInput.ofPublish(publish), 0);
        return harness.extractOutputValues();
    }

    private static List<String> clients(List<Match> matches) {
        return matches.stream().map(Match::clientId).toList();
    }
}
