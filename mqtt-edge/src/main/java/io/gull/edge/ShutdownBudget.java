package io.gull.edge;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * One deadline for a whole graceful stop ({@code shutdown.timeout-ms}), shared out over its steps: Kafka's
 * acks for what was received get everything except a reserve for closing; closing the connections and
 * the listener get half of what is then left each time; the Kafka clients get the rest. Every step's
 * share ends at the one deadline, so the stop as a whole fits it however long single steps block.
 */
final class ShutdownBudget {
    private static final Duration MAX_RESERVE = Duration.ofSeconds(5);

    private final LongSupplier nanoTime;
    private final long deadline;
    private final long reserve;

    ShutdownBudget(Duration total, LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.deadline = nanoTime.getAsLong() + total.toNanos();
        this.reserve = Math.min(MAX_RESERVE.toNanos(), total.toNanos() * 2 / 5);
    }

    /** How long to wait for Kafka to acknowledge what was received. */
    Duration forKafkaAcks() {
        return Duration.ofNanos(Math.max(0, deadline - reserve - nanoTime.getAsLong()));
    }

    /** Half of what is left: for a closing step that is not the last. */
    Duration halfOfRemaining() {
        return remaining().dividedBy(2);
    }

    /** Everything left until the deadline (zero once it passed). */
    Duration remaining() {
        return Duration.ofNanos(Math.max(0, deadline - nanoTime.getAsLong()));
    }
}
