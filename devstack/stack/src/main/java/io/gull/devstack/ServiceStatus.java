package io.gull.devstack;

/**
 * What one service of the local stack is doing.
 *
 * @param name     {@code kafka}, {@code cassandra}, {@code flink}, {@code edge}, {@code edge-2}, ... {@code edge-<id>}
 * @param running  whether its process (recorded in the data dir's pid file) is alive
 * @param pid      its process id, or -1 when it is not running
 * @param endpoint where clients reach it
 * @param detail   a short human-readable remark (e.g. "accepting connections", job states, or why it is down)
 */
public record ServiceStatus(String name, boolean running, long pid, String endpoint, String detail) {
}
