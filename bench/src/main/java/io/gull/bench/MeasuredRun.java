package io.gull.bench;

import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The measuring half of a scenario against one target: makes the payloads, takes the receptions (latency,
 * missing/duplicate accounting), drives the {@link OpenLoopGenerator} with progress lines, waits for the drain and
 * turns it all into a {@link TargetResult}. The scenario supplies the wiring (who publishes where, who receives).
 */
public final class MeasuredRun {
    private final String label;
    private final String target;
    private final LoadSpec load;
    private final DeliveryLedger ledger;
    private final LatencyRecorder recorder = new LatencyRecorder();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong firstTime = new AtomicLong();
    private final AtomicLong foreign = new AtomicLong();
    private final OpenLoopGenerator generator = new OpenLoopGenerator();

    /** How many deliveries receiver {@code r} should get when {@code total} messages were sent. */
    @FunctionalInterface
    public interface Expectation {
        long forReceiver(int receiver, long total);
    }

    public MeasuredRun(String label, String target, LoadSpec load, int receivers) {
        this.label = label;
        this.target = target;
        this.load = load;
        this.ledger = new DeliveryLedger(receivers);
    }

    /** The payload of message {@code index} (source and seq as the scenario numbers them). */
    public byte[] payload(int source, long seq, long index, long dueNanos) {
        return PayloadCodec.encode(new ProbeStamp(source, seq, dueNanos, index < load.warmupMessages()), load.payloadBytes());
    }

    /** A reception by {@code receiver}; call it first thing in the client's callback. */
    public void received(int receiver, ByteBuffer payload) {
        long now = System.nanoTime();
        ProbeStamp stamp;
        try {
            stamp = PayloadCodec.decode(payload);
        } catch (IllegalArgumentException e) {
            foreign.incrementAndGet();
            return;
        }
        record(receiver, stamp, now);
    }

    /** A reception where the receiver is the payload's source (command replies: one stream per device). */
    public void receivedBySource(ByteBuffer payload) {
        long now = System.nanoTime();
        ProbeStamp stamp;
        try {
            stamp = PayloadCodec.decode(payload);
        } catch (IllegalArgumentException e) {
            foreign.incrementAndGet();
            return;
        }
        if (stamp.source() < 0 || stamp.source() >= ledger.receivers()) {
            foreign.incrementAndGet();
            return;
        }
        record(stamp.source(), stamp, now);
    }

    private void record(int receiver, ProbeStamp stamp, long now) {
        received.incrementAndGet();
        if (ledger.record(receiver, stamp.seq())) {
            firstTime.incrementAndGet();
            if (!stamp.warmup()) {
                recorder.recordNanos(now - stamp.sentNanos());
            }
        }
    }

    /** Sends the whole schedule with {@code sender}, drains, and tallies. */
    public TargetResult run(OpenLoopGenerator.Sender sender, Expectation expectation) throws Exception {
        long total = load.totalMessages();
        long expectedTotal = 0;
        for (int r = 0; r < ledger.receivers(); r++) {
            expectedTotal += expectation.forReceiver(r, total);
        }
        final long expected = expectedTotal;
        long warmup = load.warmupMessages();
        RateSchedule schedule = new RateSchedule(System.nanoTime() + 10_000_000, load.ratePerSecond(), total);
        long start = System.nanoTime();
        long cpuBefore = ProcessCpu.nanos();
        long sendNanos = Progress.during(label, () -> new Progress.Snapshot(
                generator.sent() < warmup ? "warm-up" : generator.sent() < total ? "measure" : "drain",
                generator.sent(), received.get(), expected, recorder.summary()), () -> {
                    generator.run(schedule, warmup, sender);
                    long sent = System.nanoTime() - start;
                    awaitDrain(expected);
                    return sent;
                });
        double cpu = ProcessCpu.percentOfOneCore(cpuBefore, ProcessCpu.nanos(), System.nanoTime() - start);
        DeliveryLedger.Tally tally = ledger.tally(r -> expectation.forReceiver(r, total));
        if (foreign.get() > 0) {
            Progress.say(label, foreign.get() + " messages without a benchmark payload were ignored");
        }
        if (generator.errors() > 0) {
            Progress.say(label, generator.errors() + " sends failed; first: " + Failures.describe(generator.firstError()));
        }
        Progress.say(label, String.format(Locale.ROOT,
                "done: sent %d, delivered %d of %d, missing %d, duplicates %d, generator lag max %.1f ms, generator CPU %.0f%% of a core",
                generator.sent(), tally.delivered(), expected, tally.missing(), tally.duplicates(), generator.maxLagMs(), cpu));
        return new TargetResult(target, load.ratePerSecond(), generator.sent() / (sendNanos / 1e9),
                load.durationSeconds(), generator.sent(), expected, recorder.summary(), tally.missing(),
                tally.receiversMissingSome(), tally.duplicates(), generator.errors(), generator.maxLagMs(), cpu);
    }

    /** Waits until every expected delivery arrived, at most the drain time. */
    private void awaitDrain(long expected) throws InterruptedException {
        long deadline = System.nanoTime() + (long) (load.drainSeconds() * 1e9);
        while (firstTime.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    /** Receivers that each expect every message (fan-out). */
    public static Expectation everyMessage() {
        return (receiver, total) -> total;
    }

    /** Message i goes to receiver i % receivers (one topic per publisher, round robin). */
    public static Expectation roundRobin(int receivers) {
        return (receiver, total) -> total / receivers + (receiver < total % receivers ? 1 : 0);
    }
}
