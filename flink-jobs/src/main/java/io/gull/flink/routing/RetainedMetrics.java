package io.gull.flink.routing;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/** The retained operator's counters. */
final class RetainedMetrics {
    static final String STORED = "retainedStored";
    static final String DELETED = "retainedDeleted";
    static final String EXPIRED = "retainedExpired";
    static final String MATCHES = "retainedMatches";
    static final String CAPPED = "retainedRequestsCapped";

    private final Counter stored;
    private final Counter deleted;
    private final Counter expired;
    private final Counter matches;
    private final Counter capped;

    RetainedMetrics(MetricGroup group) {
        stored = group.counter(STORED);
        deleted = group.counter(DELETED);
        expired = group.counter(EXPIRED);
        matches = group.counter(MATCHES);
        capped = group.counter(CAPPED);
    }

    void stored() {
        stored.inc();
    }

    void deleted() {
        deleted.inc();
    }

    void expired(int count) {
        expired.inc(count);
    }

    void matched(int count) {
        matches.inc(count);
    }

    void capped() {
        capped.inc();
    }

    long cappedCount() {
        return capped.getCount();
    }

    long expiredCount() {
        return expired.getCount();
    }
}
