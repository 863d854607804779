package io.gull.devstack;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Gull's Flink jobs by the names operators use: Flink's job name ({@code gull-sessions}) or the short one. */
public enum JobName {
    SESSIONS("gull-sessions", JobStartPlanner.SESSIONS_JOB),
    TELEMETRY("gull-telemetry", JobStartPlanner.TELEMETRY_JOB);

    private final String flinkName;
    private final String entryClass;

    JobName(String flinkName, String entryClass) {
        this.flinkName = flinkName;
        this.entryClass = entryClass;
    }

    /** The job's name in Flink (web UI, {@code /jobs/overview}), e.g. {@code gull-sessions}. */
    public String flinkName() {
        return flinkName;
    }

    /** Its main class, e.g. {@code io.gull.flink.SessionsJob}. */
    public String entryClass() {
        return entryClass;
    }

    /** {@code sessions}, {@code telemetry}. */
    public String shortName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The job named {@code name}: {@code gull-sessions} or {@code sessions}, {@code gull-telemetry} or
     * {@code telemetry} (any case), or its entry class or its simple name ({@code SessionsJob}).
     *
     * @throws IllegalArgumentException naming the jobs there are
     */
    public static JobName of(String name) {
        String given = name == null ? "" : name.strip();
        return Arrays.stream(values()).filter(j -> j.names().stream().anyMatch(given::equalsIgnoreCase)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown job '" + name + "'; the jobs are "
                        + Arrays.stream(values()).map(JobName::flinkName).collect(Collectors.joining(", "))
                        + " (or sessions, telemetry)"));
    }

    private List<String> names() {
        return List.of(flinkName, shortName(), entryClass, FlinkJobSubmitter.simpleName(entryClass));
    }

    @Override
    public String toString() {
        return flinkName;
    }
}
