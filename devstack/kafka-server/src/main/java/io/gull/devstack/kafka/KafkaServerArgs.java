package io.gull.devstack.kafka;

import java.nio.file.Path;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Command line of {@link KafkaServerMain}.
 *
 * @param dataDir        directory owned by this broker: {@code data/} (log dirs), {@code cluster.id}, {@code server.properties}
 * @param host           address both listeners bind to (and the broker advertises)
 * @param port           PLAINTEXT listener port (clients)
 * @param controllerPort KRaft CONTROLLER listener port
 * @param nodeId         KRaft node id
 */
record KafkaServerArgs(Path dataDir, String host, int port, int controllerPort, int nodeId) {

    static final String USAGE = "usage: KafkaServerMain --data-dir DIR [--host 127.0.0.1] [--port 9092]"
            + " [--controller-port 9093] [--node-id 1]";

    KafkaServerArgs {
        requireRange("--port", port, 1, 65535);
        requireRange("--controller-port", controllerPort, 1, 65535);
        requireRange("--node-id", nodeId, 0, Integer.MAX_VALUE);
        if (port == controllerPort) {
            throw new IllegalArgumentException("--port and --controller-port must differ, both are " + port);
        }
    }

    @Command(name = "KafkaServerMain")
    static final class Options {
        @Option(names = "--data-dir", required = true)
        Path dataDir;
        @Option(names = "--host", defaultValue = "127.0.0.1")
        String host;
        @Option(names = "--port", defaultValue = "9092")
        int port;
        @Option(names = "--controller-port", defaultValue = "9093")
        int controllerPort;
        @Option(names = "--node-id", defaultValue = "1")
        int nodeId;
    }

    /** Accepts {@code --key value} and {@code --key=value}; throws IllegalArgumentException naming a bad option. */
    static KafkaServerArgs parse(String[] args) {
        Options options = new Options();
        try {
            new CommandLine(options).parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return new KafkaServerArgs(options.dataDir.toAbsolutePath(), options.host, options.port,
                options.controllerPort, options.nodeId);
    }

    private static void requireRange(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(option + " must be between " + min + " and " + max + ", got " + value);
        }
    }
}
