package io.gull.flink.auth;

import java.util.EnumMap;
import java.util.Map;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

import io.gull.schemas.avro.AuthDecision;
import io.gull.schemas.avro.AuthOutcome;

/**
 * The auth operator's counters: {@value #STALE} (requests dropped because the edge has given up on them) and
 * {@value #DECISIONS} per outcome (group {@code outcome=<ALLOWED|BAD_CREDENTIALS|UNKNOWN_DEVICE|NOT_AUTHORIZED>}).
 */
final class AuthMetrics {
    static final String STALE = "staleAuthRequests";
    static final String DECISIONS = "authDecisions";
    static final String OUTCOME = "outcome";

    private final Counter stale;
    private final Map<AuthOutcome, Counter> decisions = new EnumMap<>(AuthOutcome.class);

    AuthMetrics(MetricGroup group) {
        stale = group.counter(STALE);
        for (AuthOutcome outcome : AuthOutcome.values()) {
            decisions.put(outcome, group.addGroup(OUTCOME, outcome.name()).counter(DECISIONS));
        }
    }

    void staleRequest() {
        stale.inc();
    }

    void answered(EdgeReply reply) {
        if (reply.message().getBody() instanceof AuthDecision decision) {
            decisions.get(decision.getOutcome()).inc();
        }
    }

    long staleRequests() {
        return stale.getCount();
    }

    long decisions(AuthOutcome outcome) {
        return decisions.get(outcome).getCount();
    }
}
