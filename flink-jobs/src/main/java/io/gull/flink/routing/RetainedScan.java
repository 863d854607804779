package io.gull.flink.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.gull.schemas.avro.Publish;
import io.gull.schemas.avro.Subscription;
import io.gull.schemas.topic.TopicFilters;

/**
 * The retained messages one subscription gets (MQTT 5.0 section 3.3.1.3), over one or more shards: a Match with
 * RETAIN set, QoS min(retained QoS, granted), the subscription's identifier, for each live retained message whose
 * topic matches the filter, at most {@code limit} in all. Expired messages found on the way are not sent and are
 * reported so that the caller deletes them. A leading wildcard does not match {@code $} topics.
 */
final class RetainedScan {
    private final RetainedRequest request;
    private final String filter;
    private final int limit;
    private final long now;
    private final List<Match> matches = new ArrayList<>();
    private final List<String> expired = new ArrayList<>();
    private boolean capped;

    RetainedScan(RetainedRequest request, int limit, long now) {
        this.request = request;
        this.filter = request.subscription().getFilter();
        this.limit = limit;
        this.now = now;
    }

    /** True when the filter names one topic, so a shard needs one lookup instead of a scan. */
    boolean isSingleTopic() {
        return !TopicFilters.isWildcard(filter);
    }

    String filter() {
        return filter;
    }

    String clientId() {
        return request.clientId();
    }

    /** Looks at the retained messages of one shard (topic -> retained publish). */
    void scan(Iterable<Map.Entry<String, Publish>> shard) {
        for (Map.Entry<String, Publish> entry : shard) {
            if (capped) {
                return;
            }
            if (TopicFilters.matches(filter, entry.getKey())) {
                offer(entry.getValue());
            }
        }
    }

    /** Looks at one retained message (the one stored under the filter, for a single-topic filter). */
    void offer(Publish retained) {
        if (retained == null) {
            return;
        }
        if (MessageExpiry.isExpired(MessageExpiry.expiresAt(retained), now)) {
            expired.add(retained.getTopic());
            return;
        }
        if (matches.size() >= limit) {
            capped = true;
            return;
        }
        Subscription subscription = request.subscription();
        List<Integer> ids = subscription.getSubscriptionId() == null
                ? new ArrayList<>() : new ArrayList<>(List.of(subscription.getSubscriptionId()));
        int qos = Math.min(retained.getQos(), subscription.getQos());
        // a copy of its own: a client that subscribes again must get the retained message again (MQTT-3.8.4-3), even
        // on a connection that already completed the live message with this id
        Publish copy = Publish.newBuilder(retained)
                .setMessageId(retained.getMessageId() + "/retained@" + now)
                .build();
        matches.add(new Match(request.clientId(), copy, qos, true, ids));
    }

    List<Match> matches() {
        return matches;
    }

    /** Topics whose retained message was found expired (to delete). */
    List<String> expired() {
        return expired;
    }

    /** True when more retained messages matched than the limit allowed. */
    boolean capped() {
        return capped;
    }
}
