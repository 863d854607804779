package io.gull.flink.session;

import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;

import io.gull.flink.auth.AuthFailures;
import io.gull.flink.auth.Lockout;
import io.gull.flink.auth.LockoutConfig;
import io.gull.flink.auth.LockoutLog;
import io.gull.schemas.avro.AuthOutcome;
import io.gull.schemas.avro.AuthRequest;

/**
 * The sessions operator's brute-force gate for the current client id: keyed state {@value #STATE} ({@link AuthFailures})
 * with the {@link Lockout} rule. Only CONNECTs with a password are gated and counted (anonymous requests guess
 * nothing); only requests of a registered device leave state (a client id nobody registered costs none), and the
 * state's TTL ({@link LockoutConfig#forgetAfter()} after the last failure, never refreshed by reads) drops the state of
 * client ids that stop failing. Counts {@link SessionMetrics.Event#LOCKOUT}; logs through {@link LockoutLog}.
 */
final class LockoutGate {
    static final String STATE = "auth-failures";

    private final ValueState<AuthFailures> state;
    private final LockoutConfig config;
    private final Lockout lockout;
    private final LockoutLog log;
    private final SessionMetrics metrics;

    LockoutGate(ValueState<AuthFailures> state, LockoutConfig config, LockoutLog log, SessionMetrics metrics) {
        this.state = state;
        this.config = config;
        this.lockout = new Lockout(config);
        this.log = log;
        this.metrics = metrics;
    }

    /** The state's descriptor: TTL from the last write (a failure), expired values never returned. */
    static ValueStateDescriptor<AuthFailures> descriptor(LockoutConfig config) {
        ValueStateDescriptor<AuthFailures> descriptor = new ValueStateDescriptor<>(STATE, AuthFailures.TYPE);
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(config.forgetAfter())
                .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                .build());
        return descriptor;
    }

    /** Whether {@code request} is to be refused unchecked ({@link AuthOutcome#RATE_LIMITED}) at {@code now}. */
    boolean refuses(AuthRequest request, long now) throws Exception {
        if (config.disabled() || request.getAnonymous() || !lockout.refuses(state.value(), now)) {
            return false;
        }
        log.refused();
        return true;
    }

    /** Remembers the outcome of a password check of {@code request} at {@code now}. */
    void checked(AuthRequest request, AuthOutcome outcome, long now) throws Exception {
        if (config.disabled() || request.getAnonymous()) {
            return;
        }
        if (outcome == AuthOutcome.ALLOWED) {
            state.clear();
        } else if (outcome == AuthOutcome.BAD_CREDENTIALS) {
            AuthFailures after = lockout.failed(state.value(), now);
            state.update(after);
            if (Lockout.locks(after)) {
                metrics.count(SessionMetrics.Event.LOCKOUT);
                log.lockedOut(request.getClientId(), after.failures(), after.lockedUntil() - now, now);
            }
        }
    }
}
