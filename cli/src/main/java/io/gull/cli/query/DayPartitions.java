package io.gull.cli.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The UTC days ({@code day} partition key of {@code telemetry_by_device}) a time range touches. */
public final class DayPartitions {
    private DayPartitions() {
    }

    /**
     * Every UTC day from {@code now}'s back to {@code since}'s, newest first; empty when since is after now.
     *
     * @throws IllegalArgumentException when the range spans more than {@code maxDays} days
     */
    public static List<LocalDate> newestFirst(Instant since, Instant now, int maxDays) {
        if (since.isAfter(now)) {
            return List.of();
        }
        LocalDate first = LocalDate.ofInstant(since, ZoneOffset.UTC);
        LocalDate last = LocalDate.ofInstant(now, ZoneOffset.UTC);
        long days = first.until(last, java.time.temporal.ChronoUnit.DAYS) + 1;
        if (days > maxDays) {
            throw new IllegalArgumentException("the time range spans " + days + " days; at most " + maxDays
                    + " are read, pick a later --since");
        }
        List<LocalDate> partitions = new ArrayList<>((int) days);
        for (LocalDate day = last; !day.isBefore(first); day = day.minusDays(1)) {
            partitions.add(day);
        }
        return partitions;
    }
}
