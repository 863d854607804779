package io.gull.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.concurrent.locks.LockSupport;

/**
 * Starts {@code count} asynchronous tasks (connects, session set-ups) at most {@code ratePerSecond} per second (a
 * ceiling: after a stall it does not burst to catch up) and
 * at most {@code maxInFlight} at once, and waits for all of them. Used so that thousands of connections do not
 * arrive as one burst (a flood of CONNECTs measures the flood, not the broker).
 */
public final class BoundedLauncher {
    private final double ratePerSecond;
    private final int maxInFlight;

    public BoundedLauncher(double ratePerSecond, int maxInFlight) {
        if (maxInFlight <= 0) {
            throw new IllegalArgumentException("maxInFlight must be > 0");
        }
        this.ratePerSecond = ratePerSecond;
        this.maxInFlight = maxInFlight;
    }

    /** Outcome: how many tasks succeeded and failed, and the first failure. */
    public record Outcome(long succeeded, long failed, Throwable firstFailure, double seconds) {
        public void throwIfFailed(String what) {
            if (failed > 0) {
                throw new IllegalStateException(failed + " of " + (succeeded + failed) + " " + what + " failed; first: "
                        + firstFailure, firstFailure);
            }
        }
    }

    public Outcome run(int count, IntFunction<CompletableFuture<?>> task, AtomicLong started) throws InterruptedException {
        Semaphore permits = new Semaphore(maxInFlight);
        AtomicLong succeeded = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicReference<Throwable> first = new AtomicReference<>();
        long begin = System.nanoTime();
        long period = (long) (1_000_000_000d / ratePerSecond);
        long next = begin;
        for (int i = 0; i < count; i++) {
            permits.acquire();
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            // never catch up after a stall: the rate is a ceiling, not an average to make good
            next = Math.max(next, System.nanoTime()) + period;
            started.incrementAndGet();
            CompletableFuture<?> future;
            try {
                future = task.apply(i);
            } catch (RuntimeException e) {
                future = CompletableFuture.failedFuture(e);
            }
            future.whenComplete((ok, error) -> {
                if (error == null) {
                    succeeded.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                    first.compareAndSet(null, error);
                }
                permits.release();
            });
        }
        permits.acquire(maxInFlight);
        return new Outcome(succeeded.get(), failed.get(), first.get(), (System.nanoTime() - begin) / 1e9);
    }
}
