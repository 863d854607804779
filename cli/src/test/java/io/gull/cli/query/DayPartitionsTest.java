package io.gull.cli.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class DayPartitionsTest {

    @Test
    void shouldReturnOnlyTodayForARangeWithinOneUtcDay() {
        // given
        Instant now = Instant.parse("2025-03-10T12:00:00Z");

        // when / then
        assertThat(DayPartitions.newestFirst(now.minusSeconds(3600), now, 10))
                .containsExactly(LocalDate.parse("2025-03-10"));
    }

    @Test
    void shouldListEveryUtcDayNewestFirstAcrossMidnight() {
        // given
        Instant since = Instant.parse("2025-02-27T23:59:59Z");
        Instant now = Instant.parse("2025-03-01T00:00:01Z");

        // when / then
        assertThat(DayPartitions.newestFirst(since, now, 10)).containsExactly(
                LocalDate.parse("2025-03-01"), LocalDate.parse("2025-02-28"), LocalDate.parse("2025-02-27"));
    }

    @Test
    void shouldReturnNothingWhenSinceIsInTheFuture() {
        // given
        Instant now = Instant.parse("2025-03-10T12:00:00Z");

        // when / then
        assertThat(DayPartitions.newestFirst(now.plusSeconds(1), now, 10)).isEmpty();
    }

    @Test
    void shouldRejectRangesLongerThanTheMaximum() {
        // given
        Instant now = Instant.parse("2025-03-10T12:00:00Z");

        // when / then
        assertThatThrownBy(() -> DayPartitions.newestFirst(Instant.parse("2025-03-01T00:00:00Z"), now, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("10 days");
    }
}
