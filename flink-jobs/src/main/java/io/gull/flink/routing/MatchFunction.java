package io.gull.flink.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;

import io.gull.schemas.avro.Publish;
import io.gull.schemas.avro.Subscription;

/**
 * The match operator (uid {@code match}): which sessions get a publish.
 * <ul>
 *   <li>Keyed input, key tenant + topic: publishes, and changes of exact subscriptions, whose subscribers are in
 *       keyed state (client id -> Subscription) under the key of the topic they match.</li>
 *   <li>Broadcast input: changes of wildcard subscriptions, in broadcast state (every subtask holds all of them)
 *       and in a {@link WildcardIndex} per tenant built from it, again after a restore.</li>
 * </ul>
 * A publish costs one keyed-state scan of its topic's exact subscribers plus a walk of its tenant's wildcard trie;
 * the subscriptions found are merged per subscriber by {@link MatchMerge}. Shared subscriptions are ignored here
 * (counted): they are routed by their group, the next step of issue 9.
 */
public final class MatchFunction extends KeyedBroadcastProcessFunction<String, MatchInput, SubscriptionChange, Match> {
    private static final long serialVersionUID = 1L;

    /** Wildcard subscriptions of every tenant, key {@link RoutingKeys#wildcardSubscription}. */
    public static final MapStateDescriptor<String, SubscriptionChange> WILDCARDS =
            new MapStateDescriptor<>("wildcard-subscriptions", Types.STRING, SubscriptionChange.TYPE);

    private transient MapState<String, Subscription> exactSubscribers;
    private transient WildcardIndex index;
    private transient MatchMetrics metrics;

    @Override
    public void open(OpenContext openContext) {
        exactSubscribers = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("exact-subscribers", Types.STRING, RoutingTypes.SUBSCRIPTION));
        metrics = new MatchMetrics(getRuntimeContext().getMetricGroup(), () -> index == null ? 0 : index.size());
    }

    MatchMetrics metrics() {
        return metrics;
    }

    @Override
    public void processElement(MatchInput input, ReadOnlyContext ctx, Collector<Match> out) throws Exception {
        if (input.change() != null) {
            applyExact(input.change());
            return;
        }
        Publish publish = input.publish();
        List<Subscriber> candidates = new ArrayList<>();
        for (Map.Entry<String, Subscription> exact : exactSubscribers.entries()) {
            candidates.add(new Subscriber(exact.getKey(), exact.getValue()));
        }
        candidates.addAll(index(ctx.getBroadcastState(WILDCARDS)).match(publish.getTenant(), publish.getTopic()));
        List<Match> matches = MatchMerge.merge(publish, candidates);
        matches.forEach(out::collect);
        metrics.published(matches.size());
    }

    @Override
    public void processBroadcastElement(SubscriptionChange change, Context ctx, Collector<Match> out) throws Exception {
        String filter = change.subscription().getFilter();
        if (SubscriptionKind.of(filter) == SubscriptionKind.SHARED) {
            metrics.sharedIgnored();
            return;
        }
        BroadcastState<String, SubscriptionChange> wildcards = ctx.getBroadcastState(WILDCARDS);
        WildcardIndex wildcardIndex = index(wildcards);
        String key = RoutingKeys.wildcardSubscription(change.tenant(), change.clientId(), filter);
        if (change.added()) {
            wildcards.put(key, change);
            wildcardIndex.add(change.tenant(), change.clientId(), change.subscription());
        } else {
            wildcards.remove(key);
            wildcardIndex.remove(change.tenant(), change.clientId(), filter);
        }
    }

    private void applyExact(SubscriptionChange change) throws Exception {
        if (SubscriptionKind.of(change.subscription().getFilter()) == SubscriptionKind.SHARED) {
            metrics.sharedIgnored();
        } else if (change.added()) {
            exactSubscribers.put(change.clientId(), change.subscription());
        } else {
            exactSubscribers.remove(change.clientId());
        }
    }

    /** The in-memory index, built from broadcast state the first time it is needed (after start or restore). */
    private WildcardIndex index(ReadOnlyBroadcastState<String, SubscriptionChange> wildcards) throws Exception {
        if (index == null) {
            WildcardIndex built = new WildcardIndex();
            for (Map.Entry<String, SubscriptionChange> entry : wildcards.immutableEntries()) {
                SubscriptionChange change = entry.getValue();
                built.add(change.tenant(), change.clientId(), change.subscription());
            }
            index = built;
        }
        return index;
    }
}
