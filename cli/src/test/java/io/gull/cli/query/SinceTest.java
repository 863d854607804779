package io.gull.cli.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SinceTest {
    private static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @ParameterizedTest
    @CsvSource({"30s,PT30S", "15m,PT15M", "1h,PT1H", "7d,PT168H", "1h30m,PT1H30M", "2D,PT48H", "0s,PT0S"})
    void shouldParseDurationsBeforeNow(String text, String expected) {
        // when
        Since since = Since.parse(text);

        // then
        assertThat(since).isEqualTo(new Since.Ago(Duration.parse(expected)));
        assertThat(since.resolve(CLOCK)).isEqualTo(NOW.minus(Duration.parse(expected)));
    }

    @Test
    void shouldParseIsoInstant() {
        // when
        Since since = Since.parse("2025-01-31T12:00:00Z");

        // then
        assertThat(since.resolve(CLOCK)).isEqualTo(Instant.parse("2025-01-31T12:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "h", "1", "1w", "-1h", "1.5h", "yesterday", "2025-01-31", "1 h"})
    void shouldRejectAnythingElseNamingTheAcceptedForms(String text) {
        assertThatThrownBy(() -> Since.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("30s, 15m, 1h, 7d");
    }
}
