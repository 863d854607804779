package io.gull.devstack;

import java.nio.file.Path;

/**
 * How to run one server process.
 *
 * @param name        {@code kafka}, {@code cassandra}, {@code flink}, {@code edge}, {@code edge-2}, ...: names its
 *                    log and pid files
 * @param command     the java command line
 * @param workingDir  the process's working directory (its own data dir)
 * @param logFile     where stdout and stderr go (appended)
 * @param pidFile     where its pid and start instant are recorded
 */
record ServiceSpec(String name, JavaCommand command, Path workingDir, Path logFile, Path pidFile) {

    /** Marks the process's command line, so a reused pid can be told apart from ours. */
    static String markerFlag(String service) {
        return "-Dgull.service=" + service;
    }
}
