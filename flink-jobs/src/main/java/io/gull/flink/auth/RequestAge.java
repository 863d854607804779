package io.gull.flink.auth;

import java.io.Serializable;
import java.time.Duration;

import io.gull.schemas.avro.AuthRequest;

/**
 * Whether an auth request is still worth answering. The edge gives up after the request's {@code timeoutMs}, so a
 * request is stale once it is older than min({@code timeoutMs}, the job's max age). Its age is measured from when the
 * broker appended it to gull.auth.requests (the topic uses {@code message.timestamp.type=LogAppendTime}) to the job's
 * processing time: the edge's clock ({@code requestedAt}) is never used, so an edge whose clock is off still gets its
 * answers. A request whose append time is not known (0 or negative), or lies in the future, counts as fresh.
 */
public final class RequestAge implements Serializable {
    public static final Duration DEFAULT_MAX_AGE = Duration.ofSeconds(10);
    private static final long serialVersionUID = 2L;

    private final long maxAgeMillis;

    public RequestAge(Duration maxAge) {
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("max auth request age must be positive: " + maxAge);
        }
        this.maxAgeMillis = maxAge.toMillis();
    }

    /** The age beyond which {@code request} is not answered: its own timeout, at most the job's max age. */
    public long maxAgeMillis(AuthRequest request) {
        long timeout = request.getTimeoutMs();
        return timeout > 0 ? Math.min(timeout, maxAgeMillis) : maxAgeMillis;
    }

    /**
     * @param appendedAt the broker's append time of the request (epoch ms), 0 or less when not known
     * @param nowMillis  the job's processing time
     */
    public boolean isStale(AuthRequest request, long appendedAt, long nowMillis) {
        // compared this way round so that no subtraction with an arbitrary timestamp can overflow
        return appendedAt > 0 && appendedAt < nowMillis - maxAgeMillis(request);
    }
}
