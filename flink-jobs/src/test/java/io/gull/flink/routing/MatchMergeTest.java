package io.gull.flink.routing;

import static io.gull.flink.routing.RoutingFixtures.publish;
import static io.gull.flink.routing.RoutingFixtures.subscription;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.gull.schemas.avro.Publish;
import io.gull.schemas.avro.Subscription;

/** From matching subscriptions to one Match per subscriber. */
class MatchMergeTest {

    @Test
    void shouldMergeOverlappingSubscriptionsIntoOneMatchAtTheHighestQosWithEveryId() {
        // given
        Publish publish = publish("t", "pub", "a/b", 2);
        List<Subscriber> found = List.of(
                new Subscriber("sub", subscription("a/b", 0, 1)),
                new Subscriber("sub", subscription("a/+", 1, 2)),
                new Subscriber("sub", subscription("#", 1, 2)));

        // when
        List<Match> matches = MatchMerge.merge(publish, found);

        // then
        assertThat(matches).singleElement().satisfies(match -> {
            assertThat(match.clientId()).isEqualTo("sub");
            assertThat(match.qos()).isEqualTo(1);
            assertThat(match.subscriptionIds()).containsExactly(1, 2);
            assertThat(match.message()).isSameAs(publish);
        });
    }

    @Test
    void shouldNeverRaiseTheQosAboveThePublishers() {
        List<Match> matches = MatchMerge.merge(publish("t", "pub", "a", 0),
                List.of(new Subscriber("s", subscription("a", 2))));

        assertThat(matches).singleElement().satisfies(match -> assertThat(match.qos()).isZero());
    }

    @Test
    void shouldSkipTheSubscriptionsOfThePublisherThatAskedForNoLocal() {
        // given the publisher subscribed with noLocal and another client without
        Subscription noLocal = Subscription.newBuilder(subscription("a", 1)).setNoLocal(true).build();
        List<Subscriber> found = List.of(new Subscriber("pub", noLocal), new Subscriber("other", noLocal));

        // when
        List<Match> matches = MatchMerge.merge(publish("t", "pub", "a", 1), found);

        // then only the other client gets it
        assertThat(matches).extracting(Match::clientId).containsExactly("other");
    }

    @Test
    void shouldKeepTheRetainFlagOnlyForRetainAsPublished() {
        // given
        Publish retained = publish("t", "pub", "a", 1, true, "m1", "x");
        Subscription rap = Subscription.newBuilder(subscription("a", 1)).setRetainAsPublished(true).build();

        // then
        assertThat(MatchMerge.merge(retained, List.of(new Subscriber("s", rap)))).singleElement()
                .satisfies(match -> assertThat(match.retain()).isTrue());
        assertThat(MatchMerge.merge(retained, List.of(new Subscriber("s", subscription("a", 1))))).singleElement()
                .satisfies(match -> assertThat(match.retain()).isFalse());
        assertThat(MatchMerge.merge(publish("t", "pub", "a", 1), List.of(new Subscriber("s", rap)))).singleElement()
                .satisfies(match -> assertThat(match.retain()).isFalse());
    }

    @Test
    void shouldLeaveSharedSubscriptionsToTheirGroups() {
        List<Match> matches = MatchMerge.merge(publish("t", "pub", "a", 1),
                List.of(new Subscriber("member", subscription("$share/g/a", 1))));

        assertThat(matches).isEmpty();
    }
}
