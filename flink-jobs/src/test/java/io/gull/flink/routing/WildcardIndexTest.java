package io.gull.flink.routing;

import static io.gull.flink.routing.RoutingFixtures.subscription;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.gull.schemas.topic.TopicFilters;

/** The per-tenant trie of wildcard subscriptions matches exactly as MQTT (and TopicFilters.matches) says. */
class WildcardIndexTest {
    private final WildcardIndex index = new WildcardIndex();

    @Test
    void shouldMatchPlusForExactlyOneLevel() {
        // given
        index.add("t", "c1", subscription("sensors/+/temp", 1));

        // then
        assertThat(clients("t", "sensors/kitchen/temp")).containsExactly("c1");
        assertThat(clients("t", "sensors/temp")).isEmpty();
        assertThat(clients("t", "sensors/a/b/temp")).isEmpty();
        assertThat(clients("t", "sensors//temp")).containsExactly("c1"); // an empty level is a level
    }

    @Test
    void shouldMatchHashForTheParentLevelAndEverythingBelow() {
        // given
        index.add("t", "c1", subscription("sensors/#", 1));

        // then
        assertThat(clients("t", "sensors")).containsExactly("c1");
        assertThat(clients("t", "sensors/a")).containsExactly("c1");
        assertThat(clients("t", "sensors/a/b/c")).containsExactly("c1");
        assertThat(clients("t", "other/a")).isEmpty();
    }

    @Test
    void shouldNotMatchDollarTopicsWithALeadingWildcard() {
        // given
        index.add("t", "all", subscription("#", 0));
        index.add("t", "plus", subscription("+/info", 0));
        index.add("t", "sys", subscription("$SYS/#", 0));

        // then
        assertThat(clients("t", "$SYS/info")).containsExactly("sys");
        assertThat(clients("t", "broker/info")).containsExactlyInAnyOrder("all", "plus");
    }

    @Test
    void shouldKeepTenantsApart() {
        // given tenant B subscribed to everything
        index.add("tenant-b", "spy", subscription("#", 2));

        // then tenant A's topics reach nobody of tenant B
        assertThat(clients("tenant-a", "secrets/a")).isEmpty();
        assertThat(clients("tenant-b", "secrets/a")).containsExactly("spy");
    }

    @Test
    void shouldReplaceAClientsSubscriptionToTheSameFilter() {
        // given
        index.add("t", "c1", subscription("a/+", 0));

        // when
        index.add("t", "c1", subscription("a/+", 2));

        // then
        assertThat(index.size()).isEqualTo(1);
        assertThat(index.match("t", "a/b")).singleElement()
                .satisfies(s -> assertThat(s.subscription().getQos()).isEqualTo(2));
    }

    @Test
    void shouldForgetRemovedSubscriptionsAndKeepOthers() {
        // given
        index.add("t", "c1", subscription("a/+/c", 0));
        index.add("t", "c2", subscription("a/+/c", 0));
        index.add("t", "c1", subscription("a/#", 0));

        // when
        index.remove("t", "c1", "a/+/c");
        index.remove("t", "c1", "a/#");
        index.remove("t", "nobody", "x/#");

        // then
        assertThat(clients("t", "a/b/c")).containsExactly("c2");
        assertThat(index.size()).isEqualTo(1);

        // when the last one goes, nothing is left
        index.remove("t", "c2", "a/+/c");
        assertThat(clients("t", "a/b/c")).isEmpty();
        assertThat(index.size()).isZero();
    }

    @Test
    void shouldAgreeWithTopicFiltersOnEveryPairOfACorpus() {
        // given
        List<String> filters = List.of("#", "+", "+/+", "+/#", "a/#", "a/+", "a/+/c", "a/b/#", "+/b/+", "/+", "+/",
                "/#", "$SYS/#", "$SYS/+", "a//#", "a/b/c/#", "+/+/+/+");
        List<String> topics = List.of("a", "a/b", "a/b/c", "a/b/c/d", "/", "/a", "a/", "b", "x/b/y", "$SYS",
                "$SYS/x", "$SYS/x/y", "a//c", "a/x/c", "", "//", "$other/b/c");
        for (int i = 0; i < filters.size(); i++) {
            index.add("t", "c" + i, subscription(filters.get(i), 0));
        }

        // then
        for (String topic : topics) {
            List<String> expected = new java.util.ArrayList<>();
            for (int i = 0; i < filters.size(); i++) {
                if (TopicFilters.matches(filters.get(i), topic)) {
                    expected.add("c" + i);
                }
            }
            assertThat(clients("t", topic)).as("topic '%s'", topic).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    private List<String> clients(String tenant, String topic) {
        return index.match(tenant, topic).stream().map(Subscriber::clientId).toList();
    }
}
