package io.gull.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class ProgressReportTest {
    private final StringWriter written = new StringWriter();
    private final PrintWriter out = new PrintWriter(written);

    @Test
    void shouldRedrawOneLineOnATerminalAndEndIt() {
        // given
        ProgressReport report = ProgressReport.to(out, true, "devices");

        // when
        report.show(10, 0, 1_000, Duration.ofSeconds(1));
        report.show(500, 0, 1_000, Duration.ofSeconds(2));
        report.finish(1_000, 0, 1_000, Duration.ofSeconds(10));

        // then each state overwrites the previous one, a longer one with spaces
        String first = ProgressText.bar(10, 0, 1_000, Duration.ofSeconds(1));
        String second = ProgressText.bar(500, 0, 1_000, Duration.ofSeconds(2));
        assertThat(first).endsWith("1 min 39 s left");
        assertThat(second).endsWith("2 s left");
        String last = ProgressText.bar(1_000, 0, 1_000, Duration.ofSeconds(10));
        assertThat(written.toString()).startsWith("\r" + first + "\r" + second
                        + " ".repeat(first.length() - second.length()) + "\r")
                .endsWith("\r" + last + " ".repeat(second.length() - last.length()) + System.lineSeparator());
        assertThat(report.interval()).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void shouldPrintPlainLinesEveryFewSecondsElsewhere() {
        // given
        ProgressReport report = ProgressReport.to(out, false, "devices");

        // when
        report.show(500, 0, 1_000, Duration.ofSeconds(5));
        report.finish(1_000, 0, 1_000, Duration.ofSeconds(10));

        // then one line per report, no carriage return, nothing at the end (the summary follows)
        assertThat(written.toString())
                .isEqualTo("500 of 1,000 devices (50%), 100/s, about 5 s left" + System.lineSeparator());
        assertThat(report.interval()).isEqualTo(Duration.ofSeconds(5));
    }
}
