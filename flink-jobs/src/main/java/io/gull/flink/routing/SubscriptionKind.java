package io.gull.flink.routing;

import io.gull.schemas.topic.TopicFilters;

/**
 * How the match operator holds a subscription: EXACT filters in keyed state (keyed like the topics they match),
 * WILDCARD filters in broadcast state, SHARED ({@code $share/<group>/<filter>}) not routed yet.
 */
public enum SubscriptionKind {
    EXACT, WILDCARD,
    /** Shared subscriptions: one member of the group per message. Not routed yet (the next step of issue 9). */
    SHARED;

    public static SubscriptionKind of(String filter) {
        if (TopicFilters.shared(filter).isPresent()) {
            return SHARED;
        }
        return TopicFilters.isWildcard(filter) ? WILDCARD : EXACT;
    }
}
