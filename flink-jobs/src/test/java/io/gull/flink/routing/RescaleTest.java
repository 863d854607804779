package io.gull.flink.routing;

import static io.gull.flink.routing.RoutingFixtures.match;
import static io.gull.flink.routing.RoutingFixtures.messageIds;
import static io.gull.flink.routing.RoutingFixtures.offline;
import static io.gull.flink.routing.RoutingFixtures.online;
import static io.gull.flink.routing.RoutingFixtures.publish;
import static io.gull.flink.routing.RoutingFixtures.subscribed;
import static io.gull.flink.routing.RoutingFixtures.subscription;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

import io.gull.flink.auth.EdgeReply;
import io.gull.schemas.avro.Publish;

/**
 * A snapshot taken at parallelism 1 restored at parallelism 2 (a savepoint, then a resume with more task slots):
 * subscriptions, retained messages and queues are all where their keys now live, and wildcard subscriptions on
 * every subtask.
 */
class RescaleTest {
    private static final String T = "acme";

    @Test
    void shouldKeepSubscriptionsWhenTheMatchOperatorScalesOut() throws Exception {
        // given exact subscriptions on many topics and a wildcard one, at parallelism 1
        var single = Harnesses.match(new MatchFunction(), null);
        List<String> topics = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            topics.add("room/" + i);
            single.processElement(MatchInput.ofChange(subscribed(T, "exact-" + i, subscription("room/" + i, 1))), 0);
        }
        single.processBroadcastElement(subscribed(T, "wild", subscription("room/+", 1)), 0);
        OperatorSubtaskState snapshot = single.snapshot(1, 1);
        single.close();

        // when restored as two subtasks
        List<KeyedBroadcastOperatorTestHarness<String, MatchInput, SubscriptionChange, Match>> subtasks = List.of(
                Harnesses.match(new MatchFunction(), Harnesses.rescaled(snapshot, 2, 0), 2, 0),
                Harnesses.match(new MatchFunction(), Harnesses.rescaled(snapshot, 2, 1), 2, 1));

        // then each topic's publish, on the subtask that owns it, reaches its exact subscriber and the wildcard one
        for (int i = 0; i < topics.size(); i++) {
            Publish publish = publish(T, "pub", topics.get(i), 1);
            var owner = subtasks.get(Harnesses.owner(MatchInput.ofPublish(publish).key(), 2));
            owner.getOutput().clear();
            owner.processElement(MatchInput.ofPublish(publish), 0);
            assertThat(owner.extractOutputValues()).extracting(Match::clientId)
                    .containsExactlyInAnyOrder("exact-" + i, "wild");
        }
        for (var subtask : subtasks) {
            subtask.close();
        }
    }

    @Test
    void shouldKeepRetainedMessagesWhenTheRetainedOperatorScalesOut() throws Exception {
        // given retained messages under many first levels, at parallelism 1
        var single = Harnesses.retained(new RetainedFunction(RoutingConfig.DEFAULTS), null);
        for (int i = 0; i < 20; i++) {
            single.processElement(RetainedInput.ofPublish(
                    publish(T, "pub", "level" + i + "/x", 1, true, "m" + i, "v" + i)), 0);
        }
        OperatorSubtaskState snapshot = single.snapshot(1, 1);
        single.close();

        // when restored as two subtasks, and a subscription to # is broadcast to both
        List<String> found = new ArrayList<>();
        for (int subtask = 0; subtask < 2; subtask++) {
            var harness = Harnesses.retained(new RetainedFunction(RoutingConfig.DEFAULTS),
                    Harnesses.rescaled(snapshot, 2, subtask), 2, subtask);
            harness.processBroadcastElement(new RetainedRequest(T, "sub", subscription("#", 1)), 0);
            harness.extractOutputValues().forEach(match -> found.add(match.message().getMessageId()));
            harness.close();
        }

        // then every retained message is found exactly once
        assertThat(found).hasSize(20).doesNotHaveDuplicates();
    }

    @Test
    void shouldKeepQueuesWhenTheDeliveryOperatorScalesOut() throws Exception {
        // given offline persistent sessions with queued messages, at parallelism 1
        var single = Harnesses.delivery(new DeliveryFunction(RoutingConfig.DEFAULTS), null);
        for (int c = 0; c < 10; c++) {
            String client = "client-" + c;
            single.processElement(DeliveryInput.ofPresence(online(client, "c1", 10, false)), 0);
            single.processElement(DeliveryInput.ofPresence(offline(client)), 0);
            for (int m = 0; m < 3; m++) {
                single.processElement(DeliveryInput.ofMatch(match(client, client + "-m" + m, 1)), 0);
            }
        }
        OperatorSubtaskState snapshot = single.snapshot(1, 1);
        single.close();

        // when restored as two subtasks
        List<KeyedOneInputStreamOperatorTestHarness<String, DeliveryInput, EdgeReply>> subtasks = new ArrayList<>();
        for (int subtask = 0; subtask < 2; subtask++) {
            subtasks.add(Harnesses.delivery(new DeliveryFunction(RoutingConfig.DEFAULTS),
                    Harnesses.rescaled(snapshot, 2, subtask), 2, subtask));
        }

        // then each client resuming on the subtask that owns it gets its queue, in order
        for (int c = 0; c < 10; c++) {
            String client = "client-" + c;
            var owner = subtasks.get(Harnesses.owner(client, 2));
            owner.getOutput().clear();
            owner.processElement(DeliveryInput.ofPresence(online(client, "c2", 10, true)), 0);
            assertThat(messageIds(owner.extractOutputValues()))
                    .containsExactly(client + "-m0", client + "-m1", client + "-m2");
        }
        for (var subtask : subtasks) {
            subtask.close();
        }
    }
}
