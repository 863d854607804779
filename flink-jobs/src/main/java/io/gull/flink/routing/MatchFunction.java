package io.gull.flink.routing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

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
 * the subscriptions found are merged per subscriber by {@link MatchMerge}. Shared subscriptions are held like the
 * others, one entry per member ({@link RoutingKeys#subscriber}); a publish that matches one goes once per shared
 * subscription to side output {@link #SHARED}, for the shared-group operator to choose the member.
 */
public final class MatchFunction extends KeyedBroadcastProcessFunction<String, MatchInput, SubscriptionChange, Match> {
    private static final long serialVersionUID = 1L;

    /** Wildcard subscriptions of every tenant, key {@link RoutingKeys#wildcardSubscription}. */
    public static final MapStateDescriptor<String, SubscriptionChange> WILDCARDS =
            new MapStateDescriptor<>("wildcard-subscriptions", Types.STRING, SubscriptionChange.TYPE);

    /** One message per matching shared subscription. */
    public static final OutputTag<SharedMatch> SHARED = new OutputTag<>("shared-matches", SharedMatch.TYPE);

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
        Set<String> shared = new LinkedHashSet<>();
        for (Subscriber candidate : candidates) {
            String filter = candidate.subscription().getFilter();
            if (SubscriptionKind.isShared(filter)) {
                shared.add(filter);
            }
        }
        for (String filter : shared) {
            ctx.output(SHARED, new SharedMatch(RoutingKeys.sharedSubscription(publish.getTenant(), filter), publish,
                    null, 0));
        }
        metrics.shared(shared.size());
    }

    @Override
    public void processBroadcastElement(SubscriptionChange change, Context ctx, Collector<Match> out) throws Exception {
        String filter = change.subscription().getFilter();
        BroadcastState<String, SubscriptionChange> wildcards = ctx.getBroadcastState(WILDCARDS);
        WildcardIndex wildcardIndex = index(wildcards);
        String key = RoutingKeys.wildcardSubscription(change.tenant(), change.clientId(), filter);
        String subscriber = RoutingKeys.subscriber(change.clientId(), filter);
        if (change.added()) {
            wildcards.put(key, change);
            wildcardIndex.add(change.tenant(), subscriber, change.subscription());
        } else {
            wildcards.remove(key);
            wildcardIndex.remove(change.tenant(), subscriber, filter);
        }
    }

    private void applyExact(SubscriptionChange change) throws Exception {
        String subscriber = RoutingKeys.subscriber(change.clientId(), change.subscription().getFilter());
        if (change.added()) {
            exactSubscribers.put(subscriber, change.subscription());
        } else {
            exactSubscribers.remove(subscriber);
        }
    }

    /** The in-memory index, built from broadcast state the first time it is needed (after start or restore). */
    private WildcardIndex index(ReadOnlyBroadcastState<String, SubscriptionChange> wildcards) throws Exception {
        if (index == null) {
            WildcardIndex built = new WildcardIndex();
            for (Map.Entry<String, SubscriptionChange> entry : wildcards.immutableEntries()) {
                SubscriptionChange change = entry.getValue();
                built.add(change.tenant(), RoutingKeys.subscriber(change.clientId(), change.subscription().getFilter()),
                        change.subscription());
            }
            index = built;
        }
        return index;
    }
}
