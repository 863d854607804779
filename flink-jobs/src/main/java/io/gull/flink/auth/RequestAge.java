package io.gull.flink.auth;

import java.io.Serializable;
import java.time.Duration;


/**
 * Whether an auth request is still worth answering: not once it is older than the job's max age (default 5 min), so
 * that after a long outage the job skips the backlog instead of hashing passwords nobody waits for. Requests the edge
 * may have given up on (older than their {@code timeoutMs}) are still answered: after a restore from a checkpoint the
 * job replays the requests it had answered before it failed, and must open those sessions again, their connections
 * being alive; an ALLOWED decision that comes too late is closed by the edge with a DISCONNECTED of its connection.
 * The age is measured from when the broker appended the request to gull.auth.requests (the topic uses
 * {@code message.timestamp.type=LogAppendTime}) to the job's processing time: the edge's clock ({@code requestedAt}) is
 * never used, so an edge whose clock is off still gets its answers. A request whose append time is not known (0 or
 * negative), or lies in the future, counts as fresh.
 */
public final class RequestAge implements Serializable {
    public static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(5);
    private static final long serialVersionUID = 2L;

    private final long maxAgeMillis;

    public RequestAge(Duration maxAge) {
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("max auth request age must be positive: " + maxAge);
        }
        this.maxAgeMillis = maxAge.toMillis();
    }

    /**
     * @param appendedAt the broker's append time of the request (epoch ms), 0 or less when not known
     * @param nowMillis  the job's processing time
     */
    public boolean isStale(long appendedAt, long nowMillis) {
        // compared this way round so that no subtraction with an arbitrary timestamp can overflow
        return appendedAt > 0 && appendedAt < nowMillis - maxAgeMillis;
    }
}
