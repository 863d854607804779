package io.gull.bench;

import java.util.List;
import java.util.Map;

/** The JSON result of a sessions-state run; {@link #markdown()} is its table. */
public record SessionsStateReport(String scenario, String startedAt, MachineInfo machine, String commandLine,
                                  Map<String, Object> parameters, SessionsStateResult result, String loadAverageAtEnd,
                                  List<String> notes) {

    public String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("### sessions-state (").append(startedAt).append(")\n\n");
        out.append("| sessions | subscriptions each | created/s | failed | state before | state after | bytes/session | target |\n");
        out.append("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        out.append("| ").append(result.sessions())
                .append(" | ").append(result.subscriptionsPerSession())
                .append(" | ").append(ReportMarkdown.num(result.connectRate()))
                .append(" | ").append(result.failed())
                .append(" | ").append(size(result.before()))
                .append(" | ").append(size(result.after()))
                .append(" | ").append(result.bytesPerSession() == null ? "n/a" : ReportMarkdown.num(result.bytesPerSession()))
                .append(" | <= ").append(result.targetBytesPerSession())
                .append(" |\n");
        out.append("\nState sizes are the full checkpointed state (`state_size`) of the job; the increment the checkpoint "
                + "wrote (`checkpointed_size`) is in the JSON.\n");
        out.append("\nMachine: ").append(machine.cores()).append(" cores, load average ").append(machine.loadAverage())
                .append(" at start, ").append(loadAverageAtEnd).append(" at end.\n");
        for (String note : notes) {
            out.append("\n").append(note).append("\n");
        }
        return out.toString();
    }

    private static String size(CheckpointStats stats) {
        return stats == null ? "n/a" : stats.stateSize() + " B (checkpoint " + stats.id() + ")";
    }
}
