package io.gull.flink.session;

import static io.gull.flink.session.SessionFixtures.subscription;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.gull.flink.routing.RetainedRequest;
import io.gull.schemas.avro.Subscription;

/** SUBSCRIBE and UNSUBSCRIBE as pure functions over a session's subscriptions. */
class SubscriptionBookTest {

    @Test
    void shouldAskForRetainedOnceWhenOneSubscribeNamesAHandlingOneFilterTwice() {
        // when one SUBSCRIBE names b twice with Retain Handling 1, on a session without it
        SubscriptionBook.Changes changes = SubscriptionBook.subscribe("acme", "dev1",
                List.of(subscription("b", 0, 1), subscription("b", 1, 1)), filter -> false);

        // then the later one is stored, and retained messages are asked for once
        assertThat(changes.put()).containsOnlyKeys("b");
        assertThat(changes.put().get("b").getQos()).isEqualTo(1);
        assertThat(changes.retainedRequests()).extracting(RetainedRequest::tenant).containsExactly("acme");
    }

    @Test
    void shouldNeverAskForRetainedWithHandlingTwo() {
        SubscriptionBook.Changes changes = SubscriptionBook.subscribe("acme", "dev1",
                List.of(subscription("c", 0, 2)), filter -> false);

        assertThat(changes.retainedRequests()).isEmpty();
        assertThat(changes.changes()).hasSize(1);
    }

    @Test
    void shouldRemoveEachExistingFilterOnce() {
        Map<String, Subscription> current = Map.of("a", subscription("a", 1, 0));

        SubscriptionBook.Changes changes = SubscriptionBook.unsubscribe("acme", "dev1", List.of("a", "a", "z"),
                current::get);

        assertThat(changes.removed()).containsExactly("a");
        assertThat(changes.changes()).singleElement().satisfies(c -> {
            assertThat(c.added()).isFalse();
            assertThat(c.subscription()).isEqualTo(subscription("a", 1, 0));
        });
    }
}
