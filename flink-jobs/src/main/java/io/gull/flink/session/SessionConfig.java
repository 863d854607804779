package io.gull.flink.session;

import java.io.Serializable;
import java.time.Duration;

import io.gull.flink.auth.LockoutConfig;

/**
 * Limits of the sessions operator.
 *
 * @param unknownDeviceGrace  how long a request of an unknown device waits for its registration
 *                            ({@code --auth.unknown-device-grace-ms})
 * @param maxAuthRequestAge   requests older than this, by the broker's append time, are dropped unanswered
 *                            ({@code --auth.max-request-age-ms})
 * @param maxExpirySeconds    cap on any session's expiry ({@code --session.max-expiry-s}; {@link Session#NEVER} = none)
 * @param edgeDeadAfter       an edge without a heartbeat for this long is dead, its connections closed abruptly
 *                            ({@code --edge.dead-after-ms}, default {@link #DEFAULT_EDGE_DEAD_AFTER})
 * @param lockout             brute-force protection per client id (default {@link LockoutConfig#DEFAULTS})
 */
public record SessionConfig(Duration unknownDeviceGrace, Duration maxAuthRequestAge, long maxExpirySeconds,
        Duration edgeDeadAfter, LockoutConfig lockout) implements Serializable {
    /** Edges beat every 2 s: 10 s is five missed beats, within the documented 15 s. */
    public static final Duration DEFAULT_EDGE_DEAD_AFTER = Duration.ofSeconds(10);

    public SessionConfig(Duration unknownDeviceGrace, Duration maxAuthRequestAge, long maxExpirySeconds) {
        this(unknownDeviceGrace, maxAuthRequestAge, maxExpirySeconds, DEFAULT_EDGE_DEAD_AFTER);
    }

    public SessionConfig(Duration unknownDeviceGrace, Duration maxAuthRequestAge, long maxExpirySeconds,
            Duration edgeDeadAfter) {
        this(unknownDeviceGrace, maxAuthRequestAge, maxExpirySeconds, edgeDeadAfter, LockoutConfig.DEFAULTS);
    }

    /** This config with {@code value} as its brute-force protection. */
    public SessionConfig withLockout(LockoutConfig value) {
        return new SessionConfig(unknownDeviceGrace, maxAuthRequestAge, maxExpirySeconds, edgeDeadAfter, value);
    }

    public SessionConfig {
        if (unknownDeviceGrace.isNegative()) {
            throw new IllegalArgumentException("unknown-device grace must not be negative: " + unknownDeviceGrace);
        }
        if (maxAuthRequestAge.isNegative() || maxAuthRequestAge.isZero()) {
            throw new IllegalArgumentException("max auth request age must be positive: " + maxAuthRequestAge);
        }
        if (maxExpirySeconds < 0 || maxExpirySeconds > Session.NEVER) {
            throw new IllegalArgumentException("session.max-expiry-s must be 0-" + Session.NEVER + ": "
                    + maxExpirySeconds);
        }
        if (lockout == null) {
            throw new IllegalArgumentException("lockout config missing");
        }
        if (edgeDeadAfter.toMillis() < 1) {
            throw new IllegalArgumentException("edge.dead-after-ms must be at least 1: " + edgeDeadAfter.toMillis());
        }
    }
}
