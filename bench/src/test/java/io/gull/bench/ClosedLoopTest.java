package io.gull.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The closed-loop driver with fake targets: how many sends are outstanding, what counts, how failures end a chain. */
class ClosedLoopTest {
    private final ScheduledExecutorService acker = Executors.newScheduledThreadPool(2);

    @AfterEach
    void stop() {
        acker.shutdownNow();
    }

    @Test
    void shouldKeepExactlyInFlightSendsOutstandingPerConnection() throws Exception {
        ConcurrentHashMap<Integer, AtomicInteger> outstanding = new ConcurrentHashMap<>();
        AtomicInteger worst = new AtomicInteger();
        ClosedLoop loop = new ClosedLoop(3, 4, connection -> {
            AtomicInteger mine = outstanding.computeIfAbsent(connection, c -> new AtomicInteger());
            worst.accumulateAndGet(mine.incrementAndGet(), Math::max);
            CompletableFuture<Void> ack = new CompletableFuture<>();
            acker.schedule(() -> {
                mine.decrementAndGet();
                ack.complete(null);
            }, 1, TimeUnit.MILLISECONDS);
            return ack;
        });

        ClosedLoop.Outcome outcome = loop.run(0.05, 0.3);

        assertThat(outstanding).containsOnlyKeys(0, 1, 2);
        assertThat(worst.get()).isEqualTo(4);
        assertThat(outcome.acked()).isPositive().isLessThanOrEqualTo(outcome.sent());
        assertThat(outcome.latency().count()).isEqualTo(outcome.acked());
        assertThat(outcome.errors()).isZero();
        assertThat(outcome.unfinished()).isZero();
        assertThat(outcome.windowSeconds()).isBetween(0.29, 0.31);
    }

    @Test
    void shouldCountOnlyAcksInsideTheMeasuredWindow() throws Exception {
        AtomicLong sends = new AtomicLong();
        ClosedLoop loop = new ClosedLoop(1, 1, connection -> {
            sends.incrementAndGet();
            return CompletableFuture.supplyAsync(() -> null,
                    CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS));
        });

        ClosedLoop.Outcome outcome = loop.run(0.2, 0.2);

        // one send at a time, ~20 ms each: ~10 in the warm-up, ~10 in the window, not all 20
        assertThat(outcome.sent()).isEqualTo(sends.get());
        assertThat(outcome.acked()).isBetween(3L, 11L);
        assertThat(outcome.sent()).isGreaterThan(outcome.acked());
        assertThat(outcome.perSecond()).isEqualTo(outcome.acked() / outcome.windowSeconds());
    }

    @Test
    void shouldEndAChainOnItsFirstFailureAndKeepTheError() throws Exception {
        ClosedLoop loop = new ClosedLoop(2, 3, connection -> connection == 0
                ? CompletableFuture.failedFuture(new IllegalStateException("PUBACK 0x80"))
                : CompletableFuture.supplyAsync(() -> null, CompletableFuture.delayedExecutor(1, TimeUnit.MILLISECONDS)));

        ClosedLoop.Outcome outcome = loop.run(0, 0.1);

        assertThat(outcome.errors()).isEqualTo(3);
        assertThat(outcome.firstError()).hasMessage("PUBACK 0x80");
        assertThat(outcome.acked()).isPositive(); // connection 1 went on
        assertThat(outcome.unfinished()).isZero();
    }

    @Test
    void shouldKeepTimeWhenATargetAcksSynchronously() throws Exception {
        long start = System.nanoTime();
        ClosedLoop.Outcome outcome = new ClosedLoop(2, 2, c -> CompletableFuture.completedFuture(null)).run(0, 0.1);
        assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(5));
        assertThat(outcome.acked()).isPositive();
        assertThat(outcome.unfinished()).isZero();
    }

    @Test
    void shouldTellTheWindowWhenItOpensAndCloses() throws Exception {
        AtomicLong opened = new AtomicLong();
        AtomicLong closed = new AtomicLong();
        long start = System.nanoTime();
        new ClosedLoop(1, 1, c -> CompletableFuture.completedFuture(null)).run(0.1, 0.1, new ClosedLoop.Window() {
            @Override
            public void opened() {
                opened.set(System.nanoTime() - start);
            }

            @Override
            public void closed() {
                closed.set(System.nanoTime() - start);
            }
        });
        assertThat(opened.get()).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(100));
        assertThat(closed.get()).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(200));
    }
}
