package io.gull.cli.devices;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Counts the rows of an import as Kafka acknowledges or refuses them, from any thread. */
final class ImportTally {
    /** How many failed device ids a summary names. */
    static final int NAMED_FAILURES = 10;

    private final long total;
    private final CountDownLatch pending;
    private final AtomicLong imported = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final List<String> failedIds = new ArrayList<>();
    private String firstFailure;

    /** The counts at one moment; {@code failedIds} holds at most {@link #NAMED_FAILURES}. */
    record Counts(long imported, long failed, long total, List<String> failedIds, String firstFailure) {
        boolean complete() {
            return imported + failed == total;
        }
    }

    ImportTally(long total) {
        this.total = total;
        this.pending = new CountDownLatch(Math.toIntExact(total));
    }

    void imported() {
        imported.incrementAndGet();
        pending.countDown();
    }

    void failed(String deviceId, String reason) {
        synchronized (failedIds) {
            if (firstFailure == null) {
                firstFailure = deviceId + ": " + reason;
            }
            if (failedIds.size() < NAMED_FAILURES) {
                failedIds.add(deviceId);
            }
        }
        failed.incrementAndGet();
        pending.countDown();
    }

    /** True once a row failed: the rest is not worth hashing. */
    boolean anyFailed() {
        return failed.get() > 0;
    }

    /** @return true when every row is counted, false when {@code timeout} passed first */
    boolean await(Duration timeout) throws InterruptedException {
        return pending.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    Counts counts() {
        synchronized (failedIds) {
            return new Counts(imported.get(), failed.get(), total, List.copyOf(failedIds), firstFailure);
        }
    }
}
