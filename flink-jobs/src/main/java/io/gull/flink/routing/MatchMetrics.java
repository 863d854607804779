package io.gull.flink.routing;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;

/** The match operator's metrics. */
final class MatchMetrics {
    static final String PUBLISHES = "publishesMatched";
    static final String MATCHES = "matches";
    static final String SHARED_IGNORED = "sharedSubscriptionsIgnored";
    static final String WILDCARDS = "wildcardSubscriptions";

    private final Counter publishes;
    private final Counter matches;
    private final Counter sharedIgnored;

    MatchMetrics(MetricGroup group, Gauge<Integer> wildcardSubscriptions) {
        publishes = group.counter(PUBLISHES);
        matches = group.counter(MATCHES);
        sharedIgnored = group.counter(SHARED_IGNORED);
        group.gauge(WILDCARDS, wildcardSubscriptions);
    }

    void published(int matchCount) {
        publishes.inc();
        matches.inc(matchCount);
    }

    void sharedIgnored() {
        sharedIgnored.inc();
    }

    long matches() {
        return matches.getCount();
    }

    long sharedIgnoredCount() {
        return sharedIgnored.getCount();
    }
}
