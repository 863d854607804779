package io.gull.cli.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import io.gull.cli.DurationText;

/**
 * The start of a time range: a duration before now ({@code 30s}, {@code 15m}, {@code 1h}, {@code 7d}, or combined
 * like {@code 1h30m}) or an ISO-8601 instant ({@code 2025-01-31T12:00:00Z}).
 */
public sealed interface Since {
    String HELP = "30s, 15m, 1h, 7d (also combined, e.g. 1h30m) or an ISO-8601 instant such as 2025-01-31T12:00:00Z";

    /** The instant this stands for, given the clock for "now". */
    Instant resolve(Clock clock);

    /** {@code amount} before now. */
    record Ago(Duration amount) implements Since {
        @Override
        public Instant resolve(Clock clock) {
            return clock.instant().minus(amount);
        }
    }

    /** A fixed instant. */
    record At(Instant instant) implements Since {
        @Override
        public Instant resolve(Clock clock) {
            return instant;
        }
    }

    /** @throws IllegalArgumentException naming the accepted forms */
    static Since parse(String text) {
        String value = text == null ? "" : text.trim();
        if (DurationText.isDuration(value)) {
            return new Ago(DurationText.parse(value));
        }
        try {
            return new At(Instant.parse(value));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expected " + HELP + ", got '" + text + "'");
        }
    }
}
