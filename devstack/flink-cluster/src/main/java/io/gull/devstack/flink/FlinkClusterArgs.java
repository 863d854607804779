package io.gull.devstack.flink;

import java.nio.file.Path;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Command line of {@link FlinkClusterMain}.
 *
 * @param dataDir  directory owned by this cluster: checkpoints, savepoints, uploaded jars, temp files
 * @param restPort port of the REST API and web UI
 * @param bindHost address the REST endpoint binds to
 * @param slots    task slots of the single TaskManager
 */
record FlinkClusterArgs(Path dataDir, int restPort, String bindHost, int slots) {

    static final String USAGE = "usage: FlinkClusterMain --data-dir DIR [--rest-port 8081] [--bind-host 127.0.0.1]"
            + " [--slots 4]";

    FlinkClusterArgs {
        requireRange("--rest-port", restPort, 1, 65535);
        requireRange("--slots", slots, 1, 256);
    }

    @Command(name = "FlinkClusterMain")
    static final class Options {
        @Option(names = "--data-dir", required = true)
        Path dataDir;
        @Option(names = "--rest-port", defaultValue = "8081")
        int restPort;
        @Option(names = "--bind-host", defaultValue = "127.0.0.1")
        String bindHost;
        @Option(names = "--slots", defaultValue = "4")
        int slots;
    }

    /** Accepts {@code --key value} and {@code --key=value}; throws IllegalArgumentException naming a bad option. */
    static FlinkClusterArgs parse(String[] args) {
        Options options = new Options();
        try {
            new CommandLine(options).parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return new FlinkClusterArgs(options.dataDir.toAbsolutePath(), options.restPort, options.bindHost, options.slots);
    }

    private static void requireRange(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(option + " must be between " + min + " and " + max + ", got " + value);
        }
    }
}
