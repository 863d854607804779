package io.gull.edge.kafka;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts sends, and their bytes, that Kafka has not acknowledged yet, across all connections. Saturated
 * at {@code maxCount} sends or {@code maxBytes} bytes; tasks waiting for the drain run once both have
 * fallen below half of their limit. Thread-safe.
 */
final class PendingSends {
    private final int maxCount;
    private final long maxBytes;
    private final int resumeCountBelow;
    private final long resumeBytesBelow;
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();
    private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();

    PendingSends(int maxCount, long maxBytes) {
        this.maxCount = maxCount;
        this.maxBytes = maxBytes;
        this.resumeCountBelow = Math.max(1, maxCount / 2);
        this.resumeBytesBelow = Math.max(1, maxBytes / 2);
    }

    void started(int size) {
        bytes.addAndGet(size);
        count.incrementAndGet();
    }

    void finished(int size) {
        bytes.addAndGet(-size);
        count.decrementAndGet();
        if (drained()) {
            wake();
        }
    }

    boolean saturated() {
        return count.get() >= maxCount || bytes.get() >= maxBytes;
    }

    /** Runs {@code task} once count and bytes are below their resume marks: now if they already are. */
    void whenDrained(Runnable task) {
        waiting.add(task);
        if (drained()) {
            wake(); // the count may have dropped between the caller's check and the add
        }
    }

    int count() {
        return count.get();
    }

    long bytes() {
        return bytes.get();
    }

    private boolean drained() {
        return count.get() < resumeCountBelow && bytes.get() < resumeBytesBelow;
    }

    private void wake() {
        Runnable task;
        while ((task = waiting.poll()) != null) {
            task.run();
        }
    }
}
