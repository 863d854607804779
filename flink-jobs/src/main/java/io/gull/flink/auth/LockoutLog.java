package io.gull.flink.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs client ids being locked out at most once per {@link #INTERVAL_MILLIS} per operator instance, with how many
 * lock-outs and refusals there were since the last line: a brute-force run against thousands of client ids writes a
 * line a minute, not a line per attempt. Times are the caller's (processing time, ms). Not thread-safe (one per
 * operator subtask).
 */
public final class LockoutLog {
    public static final long INTERVAL_MILLIS = 60_000;
    private static final Logger LOG = LoggerFactory.getLogger(LockoutLog.class);

    private long lastLineAt = Long.MIN_VALUE;
    private long lockouts;
    private long refusals;

    /** {@code clientId} was locked out for {@code millis} after {@code failures} consecutive failed checks. */
    public void lockedOut(String clientId, int failures, long millis, long now) {
        lockouts++;
        if (due(now)) {
            LOG.warn("Client id {} locked out for {} ms after {} consecutive failed password checks (brute force?); "
                    + "its CONNECTs are refused unchecked (RATE_LIMITED: CONNACK 0x9F / 0x05) meanwhile. Since the "
                    + "last such line: {} lock-outs, {} refused CONNECTs. At most one line a minute.",
                    clientId, millis, failures, lockouts, refusals);
            lastLineAt = now;
            lockouts = 0;
            refusals = 0;
        }
    }

    /** A CONNECT of a locked-out client id was refused unchecked (counted into the next line, never logged alone). */
    public void refused() {
        refusals++;
    }

    /** Whether a line may be written at {@code now}. */
    boolean due(long now) {
        return lastLineAt == Long.MIN_VALUE || now - lastLineAt >= INTERVAL_MILLIS;
    }
}
