package io.gull.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RateScheduleTest {
    private static final long START = 1_000_000_000L;

    @Test
    void messagesAreEvenlySpacedAtTheRate() {
        RateSchedule schedule = new RateSchedule(START, 1000, 5000);
        assertThat(schedule.dueNanos(0)).isEqualTo(START);
        assertThat(schedule.dueNanos(1)).isEqualTo(START + 1_000_000);
        assertThat(schedule.dueNanos(1000)).isEqualTo(START + 1_000_000_000L);
        assertThat(schedule.endNanos()).isEqualTo(START + 4_999_000_000L);
    }

    @Test
    void dueCountIsWhatIsDueAtAnInstant() {
        RateSchedule schedule = new RateSchedule(START, 1000, 5000);
        assertThat(schedule.dueCount(START - 1)).isZero();
        assertThat(schedule.dueCount(START)).isEqualTo(1);
        assertThat(schedule.dueCount(START + 999_999)).isEqualTo(1);
        assertThat(schedule.dueCount(START + 1_000_000)).isEqualTo(2);
        assertThat(schedule.dueCount(START + 10_000_000_000L)).isEqualTo(5000);
    }

    @Test
    void dueCountAgreesWithDueNanosForAwkwardRates() {
        RateSchedule schedule = new RateSchedule(START, 333.3, 10_000);
        for (long i = 0; i < 10_000; i += 7) {
            long due = schedule.dueNanos(i);
            assertThat(schedule.dueCount(due)).as("at message %d", i).isEqualTo(i + 1);
            assertThat(schedule.dueCount(due - 1)).as("just before message %d", i).isEqualTo(i);
        }
    }

    @Test
    void fractionalRatesSpaceMessagesBySeconds() {
        RateSchedule schedule = new RateSchedule(0, 0.5, 3);
        assertThat(schedule.dueNanos(1)).isEqualTo(2_000_000_000L);
    }

    @Test
    void messagesInRoundsToWholeMessages() {
        assertThat(RateSchedule.messagesIn(30, 1000)).isEqualTo(30_000);
        assertThat(RateSchedule.messagesIn(2.5, 3)).isEqualTo(8);
        assertThat(RateSchedule.messagesIn(0, 1000)).isZero();
    }

    @Test
    void refusesNonPositiveRates() {
        assertThatThrownBy(() -> new RateSchedule(0, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateSchedule(0, Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateSchedule(0, 1, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEmptyScheduleHasNothingDue() {
        RateSchedule schedule = new RateSchedule(START, 1000, 0);
        assertThat(schedule.dueCount(START + 5_000_000_000L)).isZero();
        assertThat(schedule.endNanos()).isEqualTo(START);
    }
}
