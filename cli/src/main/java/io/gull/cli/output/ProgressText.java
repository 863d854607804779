package io.gull.cli.output;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The text of a progress report of {@code done} out of {@code total} items: a bar for terminals,
 * {@code [###########.........] 5,520/10,000  55%  412/s  11 s left}, and a sentence for logs,
 * {@code 5,520 of 10,000 devices (55%), 412/s, about 11 s left}. Failures are appended when there are any.
 */
public final class ProgressText {
    static final int BAR_WIDTH = 24;

    private ProgressText() {
    }

    /** The terminal form, at most about 70 characters. */
    public static String bar(long done, long failed, long total, Duration elapsed) {
        int filled = total == 0 ? BAR_WIDTH : (int) (BAR_WIDTH * Math.min(done + failed, total) / total);
        StringBuilder text = new StringBuilder("[").append("#".repeat(filled)).append(".".repeat(BAR_WIDTH - filled))
                .append("] ").append(count(done)).append('/').append(count(total))
                .append("  ").append(percent(done + failed, total)).append('%');
        rate(done, elapsed).ifPresent(rate -> text.append("  ").append(count(rate)).append("/s"));
        left(done + failed, total, elapsed).ifPresent(left -> text.append("  ").append(left).append(" left"));
        if (failed > 0) {
            text.append("  ").append(count(failed)).append(" failed");
        }
        return text.toString();
    }

    /** The log form: one sentence about {@code what} ("devices"). */
    public static String line(String what, long done, long failed, long total, Duration elapsed) {
        StringBuilder text = new StringBuilder().append(count(done)).append(" of ").append(count(total)).append(' ')
                .append(what).append(" (").append(percent(done + failed, total)).append("%)");
        rate(done, elapsed).ifPresent(rate -> text.append(", ").append(count(rate)).append("/s"));
        left(done + failed, total, elapsed).ifPresent(left -> text.append(", about ").append(left).append(" left"));
        if (failed > 0) {
            text.append(", ").append(count(failed)).append(" failed");
        }
        return text.toString();
    }

    /** {@code 10,000}. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static long percent(long done, long total) {
        return total == 0 ? 100 : 100 * Math.min(done, total) / total;
    }

    private static OptionalLong rate(long done, Duration elapsed) {
        long millis = elapsed.toMillis();
        return done == 0 || millis < 500 ? OptionalLong.empty()
                : OptionalLong.of(Math.round(done * 1000.0 / millis));
    }

    /** The time left at the rate so far: {@code 11 s}, {@code 2 min 5 s}; empty before there is a rate or when done. */
    private static Optional<String> left(long done, long total, Duration elapsed) {
        long millis = elapsed.toMillis();
        if (done == 0 || done >= total || millis < 500) {
            return Optional.empty();
        }
        long seconds = Math.round((total - done) * (millis / 1000.0) / done);
        return Optional.of(seconds < 60 ? seconds + " s" : seconds / 60 + " min " + seconds % 60 + " s");
    }
}
