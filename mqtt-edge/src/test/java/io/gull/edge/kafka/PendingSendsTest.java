package io.gull.edge.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class PendingSendsTest {

    @Test
    void shouldBeSaturatedAtTheLimitAndWakeWaitersBelowHalfOfIt() {
        PendingSends pending = new PendingSends(4);
        AtomicInteger woken = new AtomicInteger();
        for (int i = 0; i < 4; i++) {
            pending.started();
        }
        assertThat(pending.saturated()).isTrue();
        pending.whenDrained(woken::incrementAndGet);

        pending.finished(); // 3
        pending.finished(); // 2: not below half yet
        assertThat(woken).hasValue(0);
        assertThat(pending.saturated()).isFalse();
        pending.finished(); // 1

        assertThat(woken).hasValue(1);
    }

    @Test
    void shouldRunAWaiterAtOnceWhenAlreadyDrained() {
        PendingSends pending = new PendingSends(4);
        AtomicInteger woken = new AtomicInteger();

        pending.whenDrained(woken::incrementAndGet);

        assertThat(woken).hasValue(1);
    }
}
