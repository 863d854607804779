package io.gull.flink.routing;

import io.gull.schemas.topic.TopicFilters;

/**
 * How the match operator holds a subscription: EXACT filters in keyed state (keyed like the topics they match),
 * WILDCARD filters in broadcast state. A shared subscription ({@code $share/<group>/<filter>}) is held by the kind
 * of its filter part.
 */
public enum SubscriptionKind {
    EXACT, WILDCARD;

    public static SubscriptionKind of(String filter) {
        return TopicFilters.isWildcard(TopicFilters.topicPart(filter)) ? WILDCARD : EXACT;
    }

    /** True for {@code $share/<group>/<filter>}. */
    public static boolean isShared(String filter) {
        return filter.startsWith(TopicFilters.SHARE_PREFIX);
    }
}
