package io.gull.bench;

import java.util.List;
import java.util.Map;

/**
 * One run of one scenario: the JSON result file is this record.
 *
 * @param parameters the scenario's settings (rate, duration, qos ...), as given
 * @param targets    one result per target, Mosquitto first
 * @param loadAverageAtEnd the load average when the run ended (compare with machine.loadAverage: a busy machine
 *                         makes the numbers noise)
 */
public record BenchReport(String scenario, String startedAt, MachineInfo machine, String commandLine,
                          Map<String, Object> parameters, List<TargetResult> targets, String loadAverageAtEnd,
                          List<String> notes) {
}
