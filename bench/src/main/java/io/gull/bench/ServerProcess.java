package io.gull.bench;

/**
 * A server process whose CPU a run measures.
 *
 * @param name    "mosquitto", "edge", "kafka", "flink", "cassandra" ...
 * @param pid     its process id
 * @param counted whether its CPU counts in the target's CPU per message (Flink and Cassandra are only shown: with
 *                the jobs paused they should be idle)
 */
public record ServerProcess(String name, long pid, boolean counted) {
}
