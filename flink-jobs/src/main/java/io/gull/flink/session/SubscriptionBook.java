package io.gull.flink.session;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import io.gull.flink.routing.RetainedRequest;
import io.gull.flink.routing.SubscriptionChange;
import io.gull.schemas.avro.Subscription;
import io.gull.schemas.topic.TopicFilters;

/**
 * SUBSCRIBE and UNSUBSCRIBE applied to a session's subscriptions (filter -> Subscription), as pure functions over a
 * view of the current ones: what to store or remove, the changes for routing, and the retained messages to ask for.
 */
public final class SubscriptionBook {
    private SubscriptionBook() {
    }

    /** The result of one SUBSCRIBED or UNSUBSCRIBED event. */
    public record Changes(Map<String, Subscription> put, List<String> removed, List<SubscriptionChange> changes,
            List<RetainedRequest> retainedRequests) {
    }

    /**
     * Adds or replaces {@code requested} (a later entry for the same filter wins). Retained messages are asked for a
     * subscription that is not shared ({@code $share/}) when its Retain Handling is 0, or 1 and the filter was not
     * subscribed before (MQTT 5.0 section 3.3.1.3, 4.8.2).
     *
     * @param exists whether the session has a subscription with this filter now
     */
    public static Changes subscribe(String tenant, String clientId, List<Subscription> requested,
            Predicate<String> exists) {
        Map<String, Subscription> put = new LinkedHashMap<>();
        List<SubscriptionChange> changes = new ArrayList<>();
        List<RetainedRequest> retained = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Subscription subscription : requested) {
            String filter = subscription.getFilter();
            boolean existed = seen.contains(filter) || exists.test(filter);
            seen.add(filter);
            put.put(filter, subscription);
            changes.add(new SubscriptionChange(tenant, clientId, subscription, true));
            if (wantsRetained(subscription, existed)) {
                retained.add(new RetainedRequest(tenant, clientId, subscription));
            }
        }
        return new Changes(put, List.of(), changes, retained);
    }

    /**
     * Removes {@code filters}; a filter the session does not have changes nothing.
     *
     * @param current the session's subscription of a filter, or null
     */
    public static Changes unsubscribe(String tenant, String clientId, List<String> filters,
            Function<String, Subscription> current) {
        List<String> removed = new ArrayList<>();
        List<SubscriptionChange> changes = new ArrayList<>();
        for (String filter : new LinkedHashSet<>(filters)) {
            Subscription subscription = current.apply(filter);
            if (subscription != null) {
                removed.add(filter);
                changes.add(new SubscriptionChange(tenant, clientId, subscription, false));
            }
        }
        return new Changes(Map.of(), removed, changes, List.of());
    }

    static boolean wantsRetained(Subscription subscription, boolean existed) {
        if (subscription.getFilter().startsWith(TopicFilters.SHARE_PREFIX)) {
            return false;
        }
        int handling = subscription.getRetainHandling();
        return handling == 0 || handling == 1 && !existed;
    }
}
