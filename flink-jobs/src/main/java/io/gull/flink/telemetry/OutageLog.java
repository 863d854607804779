package io.gull.flink.telemetry;

import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs a Cassandra outage once when it starts and once when it ends, never once per record. */
final class OutageLog {
    private static final Logger LOG = LoggerFactory.getLogger(OutageLog.class);
    private static final long NONE = -1;

    private final String target;
    private final AtomicLong outageStartNanos = new AtomicLong(NONE);
    private final AtomicLong retries = new AtomicLong();

    OutageLog(String target) {
        this.target = target;
    }

    void transientFailure(Throwable error) {
        retries.incrementAndGet();
        if (outageStartNanos.compareAndSet(NONE, System.nanoTime())) {
            LOG.warn("Cassandra at {} is not accepting telemetry writes ({}: {}). Retrying with backoff and holding "
                    + "back input until it answers; check that Cassandra is running and reachable.",
                    target, error.getClass().getSimpleName(), error.getMessage());
        }
    }

    void success() {
        long start = outageStartNanos.get();
        if (start != NONE && outageStartNanos.compareAndSet(start, NONE)) {
            LOG.info("Cassandra at {} accepts telemetry writes again after {} ms ({} retries).",
                    target, (System.nanoTime() - start) / 1_000_000, retries.getAndSet(0));
        }
    }

    boolean inOutage() {
        return outageStartNanos.get() != NONE;
    }
}
