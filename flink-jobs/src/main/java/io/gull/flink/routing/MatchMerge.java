package io.gull.flink.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.gull.schemas.avro.Publish;
import io.gull.schemas.avro.Subscription;

/**
 * From the subscriptions that match a publish to one {@link Match} per subscriber (MQTT 5.0 section 4.7 and
 * 3.8.3.1):
 * <ul>
 *   <li>No Local: a subscription with noLocal never gets what its own client published.</li>
 *   <li>Overlapping subscriptions of one client give one Match: QoS = min(publish QoS, highest granted QoS), every
 *       subscription identifier (once each, in the order found), RETAIN = the publish's flag when any of them
 *       has Retain As Published, else false.</li>
 *   <li>Shared subscriptions ({@code $share/}) are skipped: the shared-group operator routes each message to one
 *       member ({@link SharedGroupFunction}).</li>
 * </ul>
 */
final class MatchMerge {
    private MatchMerge() {
    }

    static List<Match> merge(Publish publish, Iterable<Subscriber> candidates) {
        Map<String, PerClient> byClient = new LinkedHashMap<>();
        for (Subscriber candidate : candidates) {
            Subscription subscription = candidate.subscription();
            if (SubscriptionKind.isShared(subscription.getFilter())) {
                continue;
            }
            if (subscription.getNoLocal() && candidate.clientId().equals(publish.getClientId())) {
                continue;
            }
            byClient.computeIfAbsent(candidate.clientId(), c -> new PerClient()).add(subscription);
        }
        List<Match> matches = new ArrayList<>(byClient.size());
        byClient.forEach((clientId, merged) -> matches.add(new Match(clientId, publish,
                Math.min(publish.getQos(), merged.maxQos), publish.getRetain() && merged.retainAsPublished,
                new ArrayList<>(merged.subscriptionIds))));
        return matches;
    }

    private static final class PerClient {
        int maxQos;
        boolean retainAsPublished;
        final Set<Integer> subscriptionIds = new LinkedHashSet<>();

        void add(Subscription subscription) {
            maxQos = Math.max(maxQos, subscription.getQos());
            retainAsPublished |= subscription.getRetainAsPublished();
            if (subscription.getSubscriptionId() != null) {
                subscriptionIds.add(subscription.getSubscriptionId());
            }
        }
    }
}
