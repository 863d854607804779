package io.gull.bench;

import java.util.concurrent.TimeUnit;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Latencies of the measured messages (warm-up ones are left out), in microseconds from 1 us to 5 minutes with 3
 * significant digits. Recording is thread-safe and wait-free; {@link #summary()} may be asked at any time.
 */
public final class LatencyRecorder {
    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(5);
    private final Histogram histogram = new ConcurrentHistogram(1, HIGHEST_MICROS, 3);

    public void recordNanos(long latencyNanos) {
        long micros = Math.max(1, Math.min(HIGHEST_MICROS, latencyNanos / 1_000));
        histogram.recordValue(micros);
    }

    public LatencySummary summary() {
        return LatencySummary.ofMicros(histogram.copy());
    }
}
