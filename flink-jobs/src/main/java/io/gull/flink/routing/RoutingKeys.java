package io.gull.flink.routing;

import io.gull.schemas.topic.TopicFilters;

/**
 * Keys of the routing operators. Every key starts with the tenant, so tenants never share state: MQTT topics
 * and client ids cannot contain U+0000 (MQTT-1.5.4-2), which makes it a safe separator.
 */
public final class RoutingKeys {
    static final char SEPARATOR = '\u0000';

    private RoutingKeys() {
    }

    /** The match operator's key: a topic name (publishes) or an exact filter (subscriptions) of one tenant. */
    public static String topic(String tenant, String topicOrExactFilter) {
        return tenant + SEPARATOR + topicOrExactFilter;
    }

    /** The retained operator's key: the first level of a topic name or filter of one tenant. */
    public static String retainedShard(String tenant, String topicOrFilter) {
        return tenant + SEPARATOR + TopicFilters.firstLevel(topicOrFilter);
    }

    /** True when a retained shard key belongs to {@code tenant}. */
    static boolean isOfTenant(String key, String tenant) {
        return key.length() > tenant.length() && key.startsWith(tenant) && key.charAt(tenant.length()) == SEPARATOR;
    }

    /** True when a filter's first level is a wildcard, so its retained messages may be in any shard. */
    static boolean spansAllShards(String filter) {
        String first = TopicFilters.firstLevel(filter);
        return first.equals("+") || first.equals("#");
    }

    /** The shared-group operator's key: one shared subscription ({@code $share/<group>/<filter>}) of one tenant. */
    public static String sharedSubscription(String tenant, String sharedFilter) {
        return tenant + SEPARATOR + sharedFilter;
    }

    /** The tenant of a {@link #sharedSubscription} key. */
    static String tenantOf(String key) {
        return key.substring(0, key.indexOf(SEPARATOR));
    }

    /** The $share filter of a {@link #sharedSubscription} key. */
    static String filterOf(String key) {
        return key.substring(key.indexOf(SEPARATOR) + 1);
    }

    /**
     * How the match operator holds a subscription: by client id, or for a shared one by filter and client id (a
     * client may have an ordinary and a shared subscription to the same filter).
     */
    static String subscriber(String clientId, String filter) {
        return filter.startsWith(TopicFilters.SHARE_PREFIX) ? filter + SEPARATOR + clientId : clientId;
    }

    /** The broadcast-state key of one wildcard subscription. */
    static String wildcardSubscription(String tenant, String clientId, String filter) {
        return tenant + SEPARATOR + clientId + SEPARATOR + filter;
    }
}
