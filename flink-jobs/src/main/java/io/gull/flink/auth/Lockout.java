package io.gull.flink.auth;

import java.io.Serializable;

/**
 * The brute-force rule per client id, without Flink or clocks (times are passed in): after
 * {@link LockoutConfig#freeFailures()} consecutive failed password checks the client id is locked for
 * {@link LockoutConfig#firstLockout()}; every further failure (one check per lock-out, as attempts while locked are
 * refused unchecked) doubles the lock-out up to {@link LockoutConfig#maxLockout()}. A success forgets everything;
 * so does time (the state's TTL, {@link LockoutConfig#forgetAfter()}).
 */
public final class Lockout implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Doublings after which every lock-out is the cap anyway (2^40 ms is 34 years): no overflow past it. */
    private static final int MAX_DOUBLINGS = 40;

    private final LockoutConfig config;

    public Lockout(LockoutConfig config) {
        this.config = config;
    }

    /** Whether a CONNECT with a password is refused unchecked at {@code now}. */
    public boolean refuses(AuthFailures failures, long now) {
        return failures != null && failures.lockedAt(now);
    }

    /** The state after one more failed check at {@code now}. */
    public AuthFailures failed(AuthFailures before, long now) {
        int failures = (before == null ? 0 : before.failures()) + 1;
        if (config.disabled() || failures < config.freeFailures()) {
            return new AuthFailures(failures, 0);
        }
        // saturate: the count only matters up to the cap, and must not overflow for a client id tried for years
        failures = Math.min(failures, config.freeFailures() + MAX_DOUBLINGS);
        long until = now + lockoutMillis(failures);
        return new AuthFailures(failures, until < now ? Long.MAX_VALUE : until);
    }

    /** How long the {@code failures}-th consecutive failure locks the client id (0 while still free). */
    public long lockoutMillis(int failures) {
        if (config.disabled() || failures < config.freeFailures()) {
            return 0;
        }
        long max = config.maxLockout().toMillis();
        long millis = config.firstLockout().toMillis();
        for (int doubling = config.freeFailures(); doubling < failures && millis < max; doubling++) {
            millis = millis > max / 2 ? max : millis * 2;
        }
        return Math.min(millis, max);
    }

    /** Whether {@code after} (from {@link #failed}) started a lock-out. */
    public static boolean locks(AuthFailures after) {
        return after.lockedUntil() > 0;
    }
}
