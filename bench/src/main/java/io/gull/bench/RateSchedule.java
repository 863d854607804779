package io.gull.bench;

/**
 * Open-loop, fixed-rate schedule: message {@code i} is due at {@code start + i / rate}, whatever happened to the
 * messages before it (a slow broker does not slow the generator down, so its queueing shows up as latency
 * instead of hiding as a lower rate). Pure arithmetic, no clock of its own.
 */
public final class RateSchedule {
    private final long startNanos;
    private final double ratePerSecond;
    private final long total;

    /**
     * @param startNanos    when message 0 is due (a {@link System#nanoTime()} value)
     * @param ratePerSecond messages per second, > 0
     * @param total         how many messages the schedule has
     */
    public RateSchedule(long startNanos, double ratePerSecond, long total) {
        if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("rate must be a positive number of messages per second, not " + ratePerSecond);
        }
        if (total < 0) {
            throw new IllegalArgumentException("total must be >= 0, not " + total);
        }
        this.startNanos = startNanos;
        this.ratePerSecond = ratePerSecond;
        this.total = total;
    }

    /** How many messages a run of {@code seconds} at {@code ratePerSecond} has (rounded to the nearest message). */
    public static long messagesIn(double seconds, double ratePerSecond) {
        return Math.round(seconds * ratePerSecond);
    }

    public long total() {
        return total;
    }

    public double ratePerSecond() {
        return ratePerSecond;
    }

    /** When message {@code index} is due. */
    public long dueNanos(long index) {
        return startNanos + (long) Math.floor(index * 1_000_000_000d / ratePerSecond);
    }

    /** How many messages (index 0 up) are due at {@code nowNanos}: at most {@link #total()}, 0 before the start. */
    public long dueCount(long nowNanos) {
        long elapsed = nowNanos - startNanos;
        if (elapsed < 0) {
            return 0;
        }
        long due = (long) Math.floor(elapsed * ratePerSecond / 1_000_000_000d) + 1;
        // floating point may round either way at a boundary: settle it with dueNanos, the definition
        while (due > 0 && dueNanos(due - 1) > nowNanos) {
            due--;
        }
        while (due < total && dueNanos(due) <= nowNanos) {
            due++;
        }
        return Math.min(due, total);
    }

    /** When the last message is due (the start when the schedule is empty). */
    public long endNanos() {
        return total == 0 ? startNanos : dueNanos(total - 1);
    }
}
