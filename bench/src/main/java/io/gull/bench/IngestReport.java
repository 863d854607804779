package io.gull.bench;

import java.util.List;
import java.util.Map;

/**
 * One run of the ingest scenario: the JSON result file is this record.
 *
 * @param jobsPaused the Flink jobs suspended during the Gull part (--pause-jobs), empty when none
 */
public record IngestReport(String scenario, String startedAt, MachineInfo machine, String commandLine,
                           Map<String, Object> parameters, List<IngestResult> results, List<String> jobsPaused,
                           String loadAverageAtEnd, List<String> notes) {
}
