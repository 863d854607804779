package io.gull.cli.connect;

import java.nio.file.Path;
import java.util.Optional;

import io.gull.cli.CliEnvironment;
import io.gull.cli.CliException;
import io.gull.devstack.Endpoints;
import picocli.CommandLine.Option;

/**
 * {@code --kafka}, {@code --cassandra}, {@code --keyspace} and {@code --data-dir}, shared by the commands that read or
 * write data. Unset addresses come from the running local stack ({@code <data dir>/stack.properties}), else from the
 * default ports on 127.0.0.1.
 */
public final class ConnectionOptions {
    private final CliEnvironment environment;

    @Option(names = "--kafka", paramLabel = "HOST:PORT", converter = HostPortConverter.class,
            description = "Kafka bootstrap server (default: the local stack's, else 127.0.0.1:9092).")
    HostPort kafka;

    @Option(names = "--cassandra", paramLabel = "HOST:PORT", converter = HostPortConverter.class,
            description = "Cassandra contact point (default: the local stack's, else 127.0.0.1:9042).")
    HostPort cassandra;

    @Option(names = "--keyspace", paramLabel = "KEYSPACE", defaultValue = Connections.DEFAULT_KEYSPACE,
            description = "Gull's Cassandra keyspace (default: ${DEFAULT-VALUE}).")
    String keyspace = Connections.DEFAULT_KEYSPACE;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Data directory of the local stack, to find its endpoints (default: $GULL_DATA_DIR, "
                    + "else <gull home>/.gull).")
    Path dataDir;

    ConnectionOptions(CliEnvironment environment) {
        this.environment = environment;
    }

    /** The addresses to use: options first, then the local stack's endpoints, then the defaults. */
    public Connections resolve() {
        Optional<Endpoints> stack = kafka != null && cassandra != null ? Optional.empty() : loadEndpoints();
        HostPort kafkaAddress = kafka != null ? kafka
                : stack.map(e -> parse(e.kafkaBootstrap(), "Kafka")).orElse(Connections.DEFAULT_KAFKA);
        HostPort cassandraAddress = cassandra != null ? cassandra
                : stack.map(e -> parse(e.cassandraContactPoint(), "Cassandra")).orElse(Connections.DEFAULT_CASSANDRA);
        try {
            return new Connections(kafkaAddress, cassandraAddress, keyspace, Connections.DEFAULT_LOCAL_DC);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
    }

    private Optional<Endpoints> loadEndpoints() {
        Path dir = environment.dataDir(Optional.ofNullable(dataDir));
        try {
            return Endpoints.load(dir);
        } catch (RuntimeException e) {
            throw new CliException("Cannot read the stack's endpoints in " + dir + ": " + e.getMessage()
                    + " (pass --kafka and --cassandra to skip it)", e);
        }
    }

    private static HostPort parse(String address, String server) {
        String first = address.split(",")[0].trim();
        try {
            return HostPort.parse(first);
        } catch (IllegalArgumentException e) {
            throw new CliException("The local stack's " + server + " address is unusable: " + e.getMessage());
        }
    }
}
