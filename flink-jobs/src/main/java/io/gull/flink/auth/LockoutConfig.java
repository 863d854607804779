package io.gull.flink.auth;

import java.io.Serializable;
import java.time.Duration;

/**
 * Brute-force protection per client id (the sessions operator's keyed state, so it holds across every edge). The
 * jobs run with {@link #DEFAULTS} for now: the {@code --auth.lockout.*} names below are reserved for the program
 * arguments, which {@code JobArgs} does not parse yet.
 *
 * @param freeFailures  consecutive failed password checks of a client id before it is locked out; the
 *                      {@code freeFailures}-th failure starts the first lock-out ({@code --auth.lockout.free-failures},
 *                      default 5; 0 = no lock-out)
 * @param firstLockout  the first lock-out; each further failure doubles it ({@code --auth.lockout.first-ms}, 1 s)
 * @param maxLockout    the cap of the doubling ({@code --auth.lockout.max-ms}, 5 min)
 * @param forgetAfter   a client id's failures are forgotten this long after its last failure (state TTL), so
 *                      idle client ids cost no state ({@code --auth.lockout.forget-after-ms}, 1 h; at least
 *                      {@code maxLockout})
 */
public record LockoutConfig(int freeFailures, Duration firstLockout, Duration maxLockout, Duration forgetAfter)
        implements Serializable {

    public static final LockoutConfig DEFAULTS = new LockoutConfig(5, Duration.ofSeconds(1), Duration.ofMinutes(5),
            Duration.ofHours(1));

    public LockoutConfig {
        if (freeFailures < 0 || freeFailures > 1000) {
            throw new IllegalArgumentException("auth.lockout.free-failures must be 0-1000: " + freeFailures);
        }
        if (firstLockout.toMillis() < 1) {
            throw new IllegalArgumentException("auth.lockout.first-ms must be at least 1: " + firstLockout.toMillis());
        }
        if (maxLockout.compareTo(firstLockout) < 0) {
            throw new IllegalArgumentException("auth.lockout.max-ms (" + maxLockout.toMillis()
                    + ") must be at least auth.lockout.first-ms (" + firstLockout.toMillis() + ")");
        }
        if (forgetAfter.compareTo(maxLockout) < 0) {
            throw new IllegalArgumentException("auth.lockout.forget-after-ms (" + forgetAfter.toMillis()
                    + ") must be at least auth.lockout.max-ms (" + maxLockout.toMillis() + ")");
        }
    }

    /** Lock-out switched off. */
    public boolean disabled() {
        return freeFailures == 0;
    }
}
