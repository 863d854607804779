package io.gull.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * CPU time of other processes (the brokers), from {@code /proc/<pid>/stat}: user + system time of the process and of
 * its live descendants, in clock ticks of 10 ms (USER_HZ is 100 on Linux). {@link #start} reads them before a step,
 * {@link Reading#usedSince} after it.
 */
public final class ServerCpu {
    static final long NANOS_PER_TICK = 10_000_000L;

    private ServerCpu() {
    }

    /**
     * CPU one server used in one step.
     *
     * @param cpuMs             CPU time used, ms (-1 when it could not be read)
     * @param microsPerMessage  that CPU divided by the messages acknowledged in the same time (-1 when unknown)
     */
    public record Use(String name, long pid, boolean counted, double cpuMs, double microsPerMessage) {
        /** The same CPU, divided over {@code messages}. */
        public Use per(long messages) {
            return new Use(name, pid, counted, cpuMs, cpuMs < 0 ? -1 : perMessageMicros((long) (cpuMs * 1e6), messages));
        }
    }

    /** The CPU times of some servers at one instant. */
    public record Reading(List<ServerProcess> servers, Map<Long, Long> nanosByPid, long atNanos) {
        /** What each server used since this reading (per message: see {@link Use#per}). */
        public List<Use> usedSince() {
            List<Use> out = new ArrayList<>();
            for (ServerProcess server : servers) {
                Long before = nanosByPid.get(server.pid());
                OptionalLong after = nanos(server.pid());
                if (before == null || after.isEmpty()) {
                    out.add(new Use(server.name(), server.pid(), server.counted(), -1, -1));
                    continue;
                }
                long used = Math.max(0, after.getAsLong() - before);
                out.add(new Use(server.name(), server.pid(), server.counted(), used / 1e6, -1));
            }
            return out;
        }
    }

    public static Reading start(List<ServerProcess> servers) {
        Map<Long, Long> nanos = new LinkedHashMap<>();
        for (ServerProcess server : servers) {
            nanos(server.pid()).ifPresent(n -> nanos.put(server.pid(), n));
        }
        return new Reading(List.copyOf(servers), nanos, System.nanoTime());
    }

    /** The summed CPU per message of the counted servers; -1 when one of them is unknown or none is counted. */
    public static double countedMicrosPerMessage(List<Use> uses) {
        double sum = 0;
        boolean any = false;
        for (Use use : uses) {
            if (use.counted()) {
                if (use.microsPerMessage() < 0) {
                    return -1;
                }
                sum += use.microsPerMessage();
                any = true;
            }
        }
        return any ? sum : -1;
    }

    static double perMessageMicros(long cpuNanos, long messages) {
        return messages > 0 ? Math.round(10.0 * cpuNanos / 1000.0 / messages) / 10.0 : -1;
    }

    /** CPU time of a process and its live descendants, empty when the process is gone or /proc unreadable. */
    public static OptionalLong nanos(long pid) {
        OptionalLong own = processNanos(pid);
        if (own.isEmpty()) {
            return own;
        }
        long total = own.getAsLong();
        for (ProcessHandle child : ProcessHandle.of(pid).map(p -> p.descendants().toList()).orElse(List.of())) {
            total += processNanos(child.pid()).orElse(0);
        }
        return OptionalLong.of(total);
    }

    private static OptionalLong processNanos(long pid) {
        try {
            return OptionalLong.of(ticks(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))) * NANOS_PER_TICK);
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** utime + stime (fields 14 and 15) of a stat line; the command name in parentheses may hold spaces. */
    static long ticks(String statLine) {
        String[] fields = statLine.substring(statLine.lastIndexOf(')') + 2).trim().split("\\s+");
        // fields[0] is field 3 (state): utime is field 14, stime field 15
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
