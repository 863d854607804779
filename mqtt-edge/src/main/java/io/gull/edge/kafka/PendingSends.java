package io.gull.edge.kafka;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts sends that Kafka has not acknowledged yet, across all connections. Saturated at {@code max};
 * tasks waiting for the drain run once the count has fallen below half of it. Thread-safe.
 */
final class PendingSends {
    private final int max;
    private final int resumeBelow;
    private final AtomicInteger pending = new AtomicInteger();
    private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();

    PendingSends(int max) {
        this.max = max;
        this.resumeBelow = Math.max(1, max / 2);
    }

    void started() {
        pending.incrementAndGet();
    }

    void finished() {
        if (pending.decrementAndGet() < resumeBelow) {
            wake();
        }
    }

    boolean saturated() {
        return pending.get() >= max;
    }

    /** Runs {@code task} once the count is below the resume mark: now if it already is. */
    void whenDrained(Runnable task) {
        waiting.add(task);
        if (pending.get() < resumeBelow) {
            wake(); // the count may have dropped between the caller's check and the add
        }
    }

    int count() {
        return pending.get();
    }

    private void wake() {
        Runnable task;
        while ((task = waiting.poll()) != null) {
            task.run();
        }
    }
}
