package io.gull.bench;

import java.util.List;

/**
 * One target at one connection count in the ingest scenario.
 *
 * @param target                     "mosquitto", "gull-edge" or "kafka-raw"
 * @param connections                connections (MQTT clients, or keys for kafka-raw)
 * @param inFlightPerConnection      unacknowledged publishes per connection
 * @param acked                      acknowledgements inside the measured window
 * @param measuredSeconds            the measured window
 * @param messagesPerSecond          acked / measuredSeconds
 * @param ackLatency                 send -> PUBACK (producer ack) latency of those acknowledgements
 * @param sent                       publishes in all, warm-up included
 * @param errors                     failed publishes
 * @param unfinished                 publishes still unanswered 30 s after the end
 * @param firstError                 the first failure, or null
 * @param serverCpu                  CPU of each server process in the measured window
 * @param serverCpuMicrosPerMessage  CPU per acknowledged message of the counted servers, summed (-1 unknown)
 * @param generatorCpuPercent        the generator's JVM, in % of one core over the window (-1 unknown)
 * @param generatorCpuMicrosPerMessage the generator's CPU per acknowledged message (-1 unknown)
 */
public record IngestResult(String target, int connections, int inFlightPerConnection, long acked, double measuredSeconds,
                           double messagesPerSecond, LatencySummary ackLatency, long sent, long errors, long unfinished,
                           String firstError, List<ServerCpu.Use> serverCpu, double serverCpuMicrosPerMessage,
                           double generatorCpuPercent, double generatorCpuMicrosPerMessage) {
}
