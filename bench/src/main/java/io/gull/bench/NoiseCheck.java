package io.gull.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Warnings that say a run measured the machine rather than the broker: a busy machine (1-minute load average above
 * {@link #BUSY_LOAD}) or a generator that fell behind its schedule by more than {@link #LAG_MS} ms.
 */
public final class NoiseCheck {
    public static final double BUSY_LOAD = 1.0;
    public static final double LAG_MS = 5.0;

    private NoiseCheck() {
    }

    public static List<String> warnings(String loadAtStart, String loadAtEnd, List<TargetResult> targets) {
        List<String> out = new ArrayList<>();
        double start = oneMinute(loadAtStart);
        double end = oneMinute(loadAtEnd);
        if (start > BUSY_LOAD || end > BUSY_LOAD) {
            out.add(String.format(Locale.ROOT, "WARNING: the machine was busy (1-minute load average %s at start, %s at "
                    + "end, above %.1f): other work shared the cores, treat these numbers as noise and re-run on a quiet machine.",
                    fmt(start), fmt(end), BUSY_LOAD));
        }
        for (TargetResult t : targets) {
            if (t.maxGeneratorLagMs() > LAG_MS) {
                out.add(String.format(Locale.ROOT, "WARNING: the generator fell %.1f ms behind its schedule during the %s run "
                        + "(GC or CPU starvation); that lag is in its latencies.", t.maxGeneratorLagMs(), t.target()));
            }
        }
        return out;
    }

    /** The first field of a load average string, NaN when there is none. */
    static double oneMinute(String loadAverage) {
        try {
            return Double.parseDouble(loadAverage.trim().split("\\s+")[0]);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private static String fmt(double value) {
        return Double.isNaN(value) ? "?" : String.format(Locale.ROOT, "%.2f", value);
    }
}
