package io.gull.bench;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The ingest report as Markdown: one row per target and connection count, with the throughput ratio to Mosquitto. */
public final class IngestMarkdown {
    private IngestMarkdown() {
    }

    public static String render(IngestReport report) {
        StringBuilder out = new StringBuilder();
        out.append("### ingest (").append(report.startedAt()).append(")\n\n");
        report.parameters().forEach((k, v) -> out.append(out.charAt(out.length() - 1) == '\n' ? "" : ", ")
                .append(k).append(" ").append(v));
        out.append("\n\n");
        out.append("| target | connections | msgs/s | vs mosquitto | ack p50 ms | ack p99 ms | ack p99.9 ms | errors "
                + "| server CPU us/msg | per process us/msg | not counted us/msg | generator CPU |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---:|\n");
        for (IngestResult r : report.results()) {
            out.append("| ").append(r.target())
                    .append(" | ").append(r.connections())
                    .append(" | ").append(ReportMarkdown.num(Math.round(r.messagesPerSecond())))
                    .append(" | ").append(ratioToMosquitto(report.results(), r))
                    .append(" | ").append(ReportMarkdown.num(r.ackLatency().p50Ms()))
                    .append(" | ").append(ReportMarkdown.num(r.ackLatency().p99Ms()))
                    .append(" | ").append(ReportMarkdown.num(r.ackLatency().p999Ms()))
                    .append(" | ").append(r.errors() + r.unfinished())
                    .append(" | ").append(micros(r.serverCpuMicrosPerMessage()))
                    .append(" | ").append(processes(r.serverCpu(), true))
                    .append(" | ").append(processes(r.serverCpu(), false))
                    .append(" | ").append(r.generatorCpuPercent() < 0 ? "?" : ReportMarkdown.num(r.generatorCpuPercent()) + " %")
                    .append(" |\n");
        }
        out.append("\nMachine: ").append(report.machine().cores()).append(" cores, ").append(report.machine().cpu())
                .append(", load average ").append(report.machine().loadAverage()).append(" at start, ")
                .append(report.loadAverageAtEnd()).append(" at end.");
        out.append(report.jobsPaused().isEmpty() ? " Flink jobs not paused.\n"
                : " Flink jobs paused during the Gull part: " + String.join(", ", report.jobsPaused()) + ".\n");
        for (String note : report.notes()) {
            out.append("\n").append(note).append("\n");
        }
        return out.toString();
    }

    /** Throughput divided by Mosquitto's at the same connection count, e.g. "0.25x"; "" for Mosquitto itself. */
    static String ratioToMosquitto(List<IngestResult> results, IngestResult row) {
        if (row.target().equals("mosquitto")) {
            return "1x";
        }
        Optional<IngestResult> mosquitto = results.stream()
                .filter(r -> r.target().equals("mosquitto") && r.connections() == row.connections()).findFirst();
        return mosquitto.map(m -> m.messagesPerSecond() > 0
                ? String.format(Locale.ROOT, "%.2fx", row.messagesPerSecond() / m.messagesPerSecond()) : "n/a").orElse("n/a");
    }

    /** "edge 12.5, kafka 3.1" for the counted (or the not counted) processes. */
    static String processes(List<ServerCpu.Use> uses, boolean counted) {
        String text = uses.stream().filter(u -> u.counted() == counted)
                .map(u -> u.name() + " " + micros(u.microsPerMessage()))
                .collect(Collectors.joining(", "));
        return text.isEmpty() ? "-" : text;
    }

    static String micros(double value) {
        return value < 0 ? "?" : ReportMarkdown.num(value);
    }
}
