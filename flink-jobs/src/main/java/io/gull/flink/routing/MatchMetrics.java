package io.gull.flink.routing;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;

/** The match operator's metrics. */
final class MatchMetrics {
    static final String PUBLISHES = "publishesMatched";
    static final String MATCHES = "matches";
    static final String SHARED = "sharedMatches";
    static final String WILDCARDS = "wildcardSubscriptions";

    private final Counter publishes;
    private final Counter matches;
    private final Counter shared;

    MatchMetrics(MetricGroup group, Gauge<Integer> wildcardSubscriptions) {
        publishes = group.counter(PUBLISHES);
        matches = group.counter(MATCHES);
        shared = group.counter(SHARED);
        group.gauge(WILDCARDS, wildcardSubscriptions);
    }

    void published(int matchCount) {
        publishes.inc();
        matches.inc(matchCount);
    }

    /** A publish matched shared subscriptions: one message for each. */
    void shared(int subscriptions) {
        shared.inc(subscriptions);
    }

    long matches() {
        return matches.getCount();
    }

    long sharedCount() {
        return shared.getCount();
    }
}
