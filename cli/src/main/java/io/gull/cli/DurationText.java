package io.gull.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as users type them: {@code 30s}, {@code 15m}, {@code 1h}, {@code 7d}, or combined like {@code 1h30m}. */
public final class DurationText {
    public static final String FORMS = "30s, 15m, 1h, 7d (also combined, e.g. 1h30m)";
    private static final Pattern WHOLE = Pattern.compile("(\\d{1,9}[smhdSMHD])+");
    private static final Pattern PART = Pattern.compile("(\\d+)([smhd])");

    private DurationText() {
    }

    /** True when {@code text} is written as a duration. */
    public static boolean isDuration(String text) {
        return text != null && WHOLE.matcher(text.trim()).matches();
    }

    /** @throws IllegalArgumentException naming the accepted forms */
    public static Duration parse(String text) {
        if (!isDuration(text)) {
            throw new IllegalArgumentException("expected a duration such as " + FORMS + ", got '" + text + "'");
        }
        Matcher part = PART.matcher(text.trim().toLowerCase(Locale.ROOT));
        Duration total = Duration.ZERO;
        while (part.find()) {
            long amount = Long.parseLong(part.group(1));
            total = total.plus(switch (part.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            });
        }
        return total;
    }
}
