package io.gull.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends message {@code i} of a {@link RateSchedule} when it is due, from one thread, without waiting for earlier
 * sends to complete (open loop). When it falls behind it sends the overdue messages at once and records how far
 * behind it was: the payload carries the due time, so a late generator still shows up in the latencies instead of
 * hiding (no coordinated omission).
 */
public final class OpenLoopGenerator {
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicReference<Throwable> firstError = new AtomicReference<>();
    private volatile long maxLagNanos;

    /** Sends message {@code index}, due at {@code dueNanos}; the future completes when the broker accepted it. */
    @FunctionalInterface
    public interface Sender {
        CompletableFuture<?> send(long index, long dueNanos);
    }

    public void run(RateSchedule schedule, Sender sender) {
        run(schedule, 0, sender);
    }

    /** As {@link #run(RateSchedule, Sender)}; lag is only recorded from message {@code measuredFrom} on (not in the warm-up). */
    public void run(RateSchedule schedule, long measuredFrom, Sender sender) {
        long next = 0;
        while (next < schedule.total()) {
            long now = System.nanoTime();
            long due = schedule.dueNanos(next);
            if (due > now) {
                LockSupport.parkNanos(Math.min(due - now, 1_000_000));
                continue;
            }
            if (next >= measuredFrom) {
                maxLagNanos = Math.max(maxLagNanos, now - due);
            }
            CompletableFuture<?> result;
            try {
                result = sender.send(next, due);
            } catch (RuntimeException e) {
                result = CompletableFuture.failedFuture(e);
            }
            sent.incrementAndGet();
            result.whenComplete((ok, error) -> {
                if (error != null) {
                    errors.incrementAndGet();
                    firstError.compareAndSet(null, error);
                }
            });
            next++;
        }
    }

    public long sent() {
        return sent.get();
    }

    public long errors() {
        return errors.get();
    }

    public Throwable firstError() {
        return firstError.get();
    }

    /** The worst lag behind the schedule over the measured messages, in ms. */
    public double maxLagMs() {
        return maxLagNanos / 1e6;
    }
}
