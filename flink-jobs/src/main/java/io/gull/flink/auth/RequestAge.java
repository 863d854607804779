package io.gull.flink.auth;

import java.io.Serializable;
import java.time.Duration;

import io.gull.schemas.avro.AuthRequest;

/**
 * Whether an auth request is still worth answering: the edge gives up after its auth timeout, so a request older
 * than {@code maxAge} (by its {@code requestedAt}, against the job's processing time) is dropped unanswered.
 * A request from the future (clocks of edge and job apart) counts as fresh.
 */
public final class RequestAge implements Serializable {
    public static final Duration DEFAULT_MAX_AGE = Duration.ofSeconds(10);
    private static final long serialVersionUID = 1L;

    private final long maxAgeMillis;

    public RequestAge(Duration maxAge) {
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("max auth request age must be positive: " + maxAge);
        }
        this.maxAgeMillis = maxAge.toMillis();
    }

    public boolean isStale(AuthRequest request, long nowMillis) {
        // compared this way round so that no subtraction with an arbitrary requestedAt can overflow
        return request.getRequestedAt().toEpochMilli() < nowMillis - maxAgeMillis;
    }
}
