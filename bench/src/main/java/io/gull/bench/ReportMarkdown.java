package io.gull.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Renders a {@link BenchReport} as a Markdown table, with a Gull/Mosquitto ratio row when both ran. */
public final class ReportMarkdown {
    private ReportMarkdown() {
    }

    public static String render(BenchReport report) {
        StringBuilder out = new StringBuilder();
        out.append("### ").append(report.scenario()).append(" (").append(report.startedAt()).append(")\n\n");
        out.append(parameters(report.parameters())).append("\n\n");
        out.append("| target | rate/s | sent | deliveries | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | missing | duplicates | generator CPU |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (TargetResult t : report.targets()) {
            LatencySummary l = t.latency();
            out.append("| ").append(t.target())
                    .append(" | ").append(num(t.achievedRate()))
                    .append(" | ").append(t.sent())
                    .append(" | ").append(l.count())
                    .append(" | ").append(num(l.p50Ms()))
                    .append(" | ").append(num(l.p90Ms()))
                    .append(" | ").append(num(l.p99Ms()))
                    .append(" | ").append(num(l.p999Ms()))
                    .append(" | ").append(num(l.maxMs()))
                    .append(" | ").append(t.missing())
                    .append(" | ").append(t.duplicates())
                    .append(" | ").append(t.generatorCpuPercent() < 0 ? "?" : num(t.generatorCpuPercent()) + " %")
                    .append(" |\n");
        }
        ratioRow(report.targets()).ifPresent(out::append);
        out.append("\nMachine: ").append(report.machine().cores()).append(" cores, ").append(report.machine().cpu())
                .append(", load average ").append(report.machine().loadAverage()).append(" at start, ")
                .append(report.loadAverageAtEnd()).append(" at end.\n");
        for (String note : report.notes()) {
            out.append("\n").append(note).append("\n");
        }
        return out.toString();
    }

    /** "| gull/mosquitto | ... |" with the latency ratios, when both targets are in the list. */
    static Optional<String> ratioRow(List<TargetResult> targets) {
        Optional<TargetResult> gull = targets.stream().filter(t -> t.target().equals("gull")).findFirst();
        Optional<TargetResult> mosquitto = targets.stream().filter(t -> t.target().equals("mosquitto")).findFirst();
        if (gull.isEmpty() || mosquitto.isEmpty()) {
            return Optional.empty();
        }
        LatencySummary g = gull.get().latency();
        LatencySummary m = mosquitto.get().latency();
        return Optional.of("| **gull/mosquitto** | | | | " + ratio(g.p50Ms(), m.p50Ms()) + " | " + ratio(g.p90Ms(), m.p90Ms())
                + " | " + ratio(g.p99Ms(), m.p99Ms()) + " | " + ratio(g.p999Ms(), m.p999Ms()) + " | "
                + ratio(g.maxMs(), m.maxMs()) + " | | | |\n");
    }

    static String ratio(double numerator, double denominator) {
        if (denominator <= 0) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.1fx", numerator / denominator);
    }

    static String num(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) value);
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%.0f" : Math.abs(value) >= 10 ? "%.1f" : "%.2f", value);
    }

    private static String parameters(Map<String, Object> parameters) {
        StringBuilder out = new StringBuilder();
        parameters.forEach((k, v) -> out.append(out.length() == 0 ? "" : ", ").append(k).append(" ").append(v));
        return out.toString();
    }
}
