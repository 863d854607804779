package io.gull.flink.session;

import java.util.EnumMap;
import java.util.Map;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

import io.gull.flink.auth.EdgeReply;
import io.gull.schemas.avro.AuthDecision;
import io.gull.schemas.avro.AuthOutcome;

/**
 * The sessions operator's counters. Auth (names as the device-auth job had them): {@value #STALE} (requests the edge
 * has given up on, dropped unanswered) and {@value #DECISIONS} per group {@code outcome=<AuthOutcome>}. Sessions:
 * {@code sessionsOpened}, {@code sessionsResumed}, {@code sessionsEnded}, {@code takeovers}, {@code willsPublished},
 * {@code ignoredSessionEvents} (DISCONNECTED, SUBSCRIBED or UNSUBSCRIBED of a connection that does not own the
 * session: a taken-over one, or one the job never admitted). Brute force: {@code authLockouts} (failed password
 * checks that locked their client id out); the CONNECTs refused unchecked meanwhile are {@value #DECISIONS} with
 * {@code outcome=RATE_LIMITED}.
 */
public final class SessionMetrics {
    public static final String STALE = "staleAuthRequests";
    public static final String DECISIONS = "authDecisions";
    public static final String OUTCOME = "outcome";

    /** What is counted besides auth. */
    public enum Event {
        OPENED("sessionsOpened"),
        RESUMED("sessionsResumed"),
        ENDED("sessionsEnded"),
        TAKEOVER("takeovers"),
        WILL_PUBLISHED("willsPublished"),
        IGNORED_EVENT("ignoredSessionEvents"),
        /** Events held for a connection whose CONNECT had not been admitted yet ({@link EarlyEvents}). */
        HELD_EVENT("heldSessionEvents"),
        /** A failed password check that locked its client id out (again) ({@link LockoutGate}). */
        LOCKOUT("authLockouts");

        private final String metricName;

        Event(String metricName) {
            this.metricName = metricName;
        }

        public String metricName() {
            return metricName;
        }
    }

    private final Counter stale;
    private final Map<AuthOutcome, Counter> decisions = new EnumMap<>(AuthOutcome.class);
    private final Map<Event, Counter> events = new EnumMap<>(Event.class);

    SessionMetrics(MetricGroup group) {
        stale = group.counter(STALE);
        for (AuthOutcome outcome : AuthOutcome.values()) {
            decisions.put(outcome, group.addGroup(OUTCOME, outcome.name()).counter(DECISIONS));
        }
        for (Event event : Event.values()) {
            events.put(event, group.counter(event.metricName()));
        }
    }

    void staleRequest() {
        stale.inc();
    }

    void replied(EdgeReply reply) {
        if (reply.message().getBody() instanceof AuthDecision decision) {
            decisions.get(decision.getOutcome()).inc();
        }
    }

    void count(Event event) {
        count(event, 1);
    }

    void count(Event event, int times) {
        if (times > 0) {
            events.get(event).inc(times);
        }
    }

    public long staleRequests() {
        return stale.getCount();
    }

    public long decisions(AuthOutcome outcome) {
        return decisions.get(outcome).getCount();
    }

    public long counted(Event event) {
        return events.get(event).getCount();
    }
}
