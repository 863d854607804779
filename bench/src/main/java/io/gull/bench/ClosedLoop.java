package io.gull.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Closed-loop load: every connection keeps {@code inFlight} sends outstanding and starts the next one as soon as one
 * is acknowledged. The measured window follows the warm-up; an acknowledgement counts (for throughput and for its
 * send -> ack latency) when it arrives inside the window. A send that fails ends its own chain (a broken target stops
 * instead of spinning), and the first failure is kept for the report.
 */
public final class ClosedLoop {
    private static final long WAIT_OUTSTANDING_NANOS = TimeUnit.SECONDS.toNanos(30);

    /** One send on one connection; the future completes when the target acknowledged it. */
    @FunctionalInterface
    public interface Sender {
        CompletableFuture<?> send(int connection);
    }

    /**
     * What a run did.
     *
     * @param acked         acknowledgements inside the measured window
     * @param windowSeconds the measured window's real length
     * @param latency       send -> ack latencies of those acknowledgements
     * @param sent          sends in all, warm-up included
     * @param errors        failed sends in all
     * @param unfinished    sends still unanswered when the run gave up waiting for them
     * @param firstError    the first failure, or null
     */
    public record Outcome(long acked, double windowSeconds, LatencySummary latency, long sent, long errors,
                          long unfinished, Throwable firstError) {
        public double perSecond() {
            return windowSeconds > 0 ? acked / windowSeconds : 0;
        }
    }

    private final int connections;
    private final int inFlight;
    private final Sender sender;
    private final LatencyRecorder latency = new LatencyRecorder();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong acked = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    /** Chains still sending or waiting for an ack; 0 after the stop means every send is answered. */
    private final AtomicLong liveChains = new AtomicLong();
    private final AtomicReference<Throwable> firstError = new AtomicReference<>();
    private final CountDownLatch drained = new CountDownLatch(1);
    private volatile long windowStart = Long.MAX_VALUE;
    private volatile long windowEnd = Long.MAX_VALUE;
    private volatile boolean stopped;

    public ClosedLoop(int connections, int inFlight, Sender sender) {
        if (connections < 1 || inFlight < 1) {
            throw new IllegalArgumentException("need at least one connection and one send in flight");
        }
        this.connections = connections;
        this.inFlight = inFlight;
        this.sender = sender;
    }

    /** Told when the measured window opens and closes (e.g. to read the servers' CPU over exactly that time). */
    public interface Window {
        Window NONE = new Window() {
        };

        default void opened() {
        }

        default void closed() {
        }
    }

    /** Runs warm-up then the measured window, then waits (at most 30 s) for the sends still under way. */
    public Outcome run(double warmupSeconds, double durationSeconds) throws InterruptedException {
        return run(warmupSeconds, durationSeconds, Window.NONE);
    }

    /** The same, telling {@code window} when the measured window opens and closes. */
    public Outcome run(double warmupSeconds, double durationSeconds, Window window) throws InterruptedException {
        long start = System.nanoTime();
        windowStart = start + seconds(warmupSeconds);
        windowEnd = windowStart + seconds(durationSeconds);
        liveChains.addAndGet((long) connections * inFlight);
        // started from a thread of their own: a target that acks synchronously loops there, and this thread keeps
        // the time
        Thread starter = new Thread(() -> {
            for (int c = 0; c < connections; c++) {
                for (int k = 0; k < inFlight; k++) {
                    chain(c);
                }
            }
        }, "closed-loop-start");
        starter.setDaemon(true);
        starter.start();
        sleepUntil(windowStart);
        window.opened();
        sleepUntil(windowEnd);
        window.closed();
        stopped = true;
        if (liveChains.get() == 0) {
            drained.countDown();
        }
        boolean done = drained.await(WAIT_OUTSTANDING_NANOS, TimeUnit.NANOSECONDS);
        long end = Math.min(System.nanoTime(), windowEnd);
        double windowSeconds = Math.max(0, end - windowStart) / 1e9;
        return new Outcome(acked.get(), windowSeconds, latency.summary(), sent.get(), errors.get(),
                done ? 0 : liveChains.get(), firstError.get());
    }

    /** What a progress line shows, at any time. */
    public Progress.Snapshot snapshot() {
        long now = System.nanoTime();
        String phase = now < windowStart ? "warm-up" : stopped ? "drain" : "measure";
        return new Progress.Snapshot(phase, sent.get(), acked.get(), sent.get(), latency.summary());
    }

    /**
     * One of a connection's {@code inFlight} chains: a send, and the next one when it is acked, until stopped.
     * Completions that are already done are looped, not recursed.
     */
    private void chain(int connection) {
        while (!stopped) {
            long begin = System.nanoTime();
            sent.incrementAndGet();
            CompletableFuture<?> future;
            try {
                future = sender.send(connection);
            } catch (RuntimeException e) {
                failed(e);
                return;
            }
            if (!future.isDone()) {
                future.whenComplete((v, e) -> {
                    if (e != null) {
                        failed(e);
                    } else {
                        acked(begin);
                        chain(connection);
                    }
                });
                return;
            }
            Throwable error = future.handle((v, e) -> e).join();
            if (error != null) {
                failed(error);
                return;
            }
            acked(begin);
        }
        ended();
    }

    private void acked(long begin) {
        long now = System.nanoTime();
        if (now >= windowStart && now < windowEnd) {
            acked.incrementAndGet();
            latency.recordNanos(now - begin);
        }
    }

    private void failed(Throwable error) {
        errors.incrementAndGet();
        firstError.compareAndSet(null, error);
        ended();
    }

    private void ended() {
        if (liveChains.decrementAndGet() == 0 && stopped) {
            drained.countDown();
        }
    }

    private static long seconds(double value) {
        return (long) (value * 1e9);
    }

    private static void sleepUntil(long deadline) throws InterruptedException {
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
        }
    }
}
