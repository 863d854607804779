package io.gull.flink.session;

import java.io.Serializable;
import java.time.Duration;

/**
 * Limits of the sessions operator.
 *
 * @param unknownDeviceGrace  how long a request of an unknown device waits for its registration
 *                            ({@code --auth.unknown-device-grace-ms})
 * @param maxAuthRequestAge   requests older than this (or than their own timeoutMs), by the broker's append time,
 *                            are dropped unanswered ({@code --auth.max-request-age-ms})
 * @param maxExpirySeconds    cap on any session's expiry ({@code --session.max-expiry-s}; {@link Session#NEVER} = none)
 */
public record SessionConfig(Duration unknownDeviceGrace, Duration maxAuthRequestAge, long maxExpirySeconds)
        implements Serializable {

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
    }
}
