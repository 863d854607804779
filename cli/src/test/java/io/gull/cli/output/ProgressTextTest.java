package io.gull.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ProgressTextTest {

    @Test
    void shouldDrawABarWithCountRateAndTimeLeft() {
        // when 5,520 of 10,000 done in 13.4 s
        String bar = ProgressText.bar(5_520, 0, 10_000, Duration.ofMillis(13_400));

        // then
        assertThat(bar).isEqualTo("[#############...........] 5,520/10,000  55%  412/s  11 s left");
    }

    @Test
    void shouldSayNothingAboutRateAndTimeBeforeTheFirstDevice() {
        assertThat(ProgressText.bar(0, 0, 10_000, Duration.ofSeconds(2)))
                .isEqualTo("[........................] 0/10,000  0%");
    }

    @Test
    void shouldCountFailuresTowardsTheEndAndNameThem() {
        // when
        String bar = ProgressText.bar(9_000, 1_000, 10_000, Duration.ofSeconds(20));

        // then
        assertThat(bar).isEqualTo("[########################] 9,000/10,000  100%  450/s  1,000 failed");
    }

    @Test
    void shouldWriteASentenceForLogs() {
        // when
        String line = ProgressText.line("devices", 2_235, 3, 10_000, Duration.ofSeconds(130));

        // then
        assertThat(line).isEqualTo("2,235 of 10,000 devices (22%), 17/s, about 7 min 31 s left, 3 failed");
    }
}
