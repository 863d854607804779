package io.gull.bench;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Prints one progress line per second to stderr while a phase runs (stdout is kept for the result table). */
public final class Progress implements AutoCloseable {
    private final ScheduledExecutorService timer;
    private final long start = System.nanoTime();

    /** What a progress line shows; without latency (null) it is a count of tasks started and done. */
    public record Snapshot(String phase, long sent, long received, long expected, LatencySummary latency) {
    }

    private Progress(String label, Supplier<Snapshot> snapshot, PrintStream out) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "progress");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(() -> out.println(line(label, (System.nanoTime() - start) / 1_000_000_000L, snapshot.get())),
                1, 1, TimeUnit.SECONDS);
    }

    public static Progress start(String label, Supplier<Snapshot> snapshot) {
        return new Progress(label, snapshot, System.err);
    }

    /** A phase that may fail. */
    @FunctionalInterface
    public interface Phase<T> {
        T run() throws Exception;
    }

    /** Runs {@code phase} with a progress line per second, and stops the lines when it ends. */
    public static <T> T during(String label, Supplier<Snapshot> snapshot, Phase<T> phase) throws Exception {
        Progress progress = start(label, snapshot);
        try {
            return phase.run();
        } finally {
            progress.close();
        }
    }

    static String line(String label, long seconds, Snapshot s) {
        if (s.latency() == null) {
            return String.format(Locale.ROOT, "[%s] %3ds %-8s started %d, done %d/%d", label, seconds, s.phase(),
                    s.sent(), s.received(), s.expected());
        }
        String latency = s.latency().count() == 0 ? "p50 -, p99 -"
                : String.format(Locale.ROOT, "p50 %.2f ms, p99 %.2f ms", s.latency().p50Ms(), s.latency().p99Ms());
        return String.format(Locale.ROOT, "[%s] %3ds %-8s sent %d, received %d/%d, %s", label, seconds, s.phase(),
                s.sent(), s.received(), s.expected(), latency);
    }

    /** A one-off line (phase changes, connects). */
    public static void say(String label, String message) {
        System.err.println("[" + label + "] " + message);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
