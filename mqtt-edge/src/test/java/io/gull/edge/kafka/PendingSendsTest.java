package io.gull.edge.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class PendingSendsTest {

    @Test
    void shouldBeSaturatedAtTheLimitAndWakeWaitersBelowHalfOfIt() {
        PendingSends pending = new PendingSends(4, 1_000_000);
        AtomicInteger woken = new AtomicInteger();
        for (int i = 0; i < 4; i++) {
            pending.started(1);
        }
        assertThat(pending.saturated()).isTrue();
        pending.whenDrained(woken::incrementAndGet);

        pending.finished(1); // 3
        pending.finished(1); // 2: not below half yet
        assertThat(woken).hasValue(0);
        assertThat(pending.saturated()).isFalse();
        pending.finished(1); // 1

        assertThat(woken).hasValue(1);
    }

    @Test
    void shouldRunAWaiterAtOnceWhenAlreadyDrained() {
        PendingSends pending = new PendingSends(4, 1_000_000);
        AtomicInteger woken = new AtomicInteger();

        pending.whenDrained(woken::incrementAndGet);

        assertThat(woken).hasValue(1);
    }

    @Test
    void shouldBeSaturatedByBytesBeforeTheCountLimit() {
        PendingSends pending = new PendingSends(1000, 3_000_000);
        AtomicInteger woken = new AtomicInteger();
        pending.started(1_000_000);
        pending.started(1_000_000);
        assertThat(pending.saturated()).isFalse();
        pending.started(1_000_000);
        assertThat(pending.saturated()).as("3 records, 3 MB").isTrue();
        pending.whenDrained(woken::incrementAndGet);

        pending.finished(1_000_000); // 2 MB left: not below half
        assertThat(woken).hasValue(0);
        pending.finished(1_000_000); // 1 MB

        assertThat(woken).hasValue(1);
        assertThat(pending.bytes()).isEqualTo(1_000_000);
    }
}
