package io.gull.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class ShutdownBudgetTest {

    @Test
    void shouldFitEveryStepIntoTheOneDeadlineEvenWhenEachStepUsesAllItGets() {
        AtomicLong now = new AtomicLong(1_000);
        ShutdownBudget budget = new ShutdownBudget(Duration.ofSeconds(15), now::get);

        Duration acks = budget.forKafkaAcks();
        now.addAndGet(acks.toNanos()); // Kafka is down: the flush waits for all of it
        Duration connections = budget.halfOfRemaining();
        now.addAndGet(connections.toNanos());
        Duration listener = budget.halfOfRemaining();
        now.addAndGet(listener.toNanos());
        Duration kafkaClients = budget.remaining();
        now.addAndGet(kafkaClients.toNanos());

        assertThat(acks).isEqualTo(Duration.ofSeconds(10));
        assertThat(connections).isPositive();
        assertThat(kafkaClients).isPositive();
        assertThat(acks.plus(connections).plus(listener).plus(kafkaClients)).isEqualTo(Duration.ofSeconds(15));
        assertThat(budget.remaining()).isZero();
    }

    @Test
    void shouldGiveNothingOnceTheDeadlinePassed() {
        AtomicLong now = new AtomicLong();
        ShutdownBudget budget = new ShutdownBudget(Duration.ofSeconds(1), now::get);

        now.addAndGet(Duration.ofSeconds(3).toNanos());

        assertThat(budget.forKafkaAcks()).isZero();
        assertThat(budget.halfOfRemaining()).isZero();
        assertThat(budget.remaining()).isZero();
    }
}
