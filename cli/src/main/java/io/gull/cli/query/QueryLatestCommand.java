package io.gull.cli.query;

import io.gull.cli.CliEnvironment;
import io.gull.cli.connect.ConnectionOptions;
import io.gull.cli.connect.Connections;
import io.gull.cli.devices.DeviceIds;
import io.gull.cli.output.FormatOption;
import io.gull.cli.output.ResultTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gull query latest <deviceId> [--format table|csv|json]}. */
@Command(name = "latest", mixinStandardHelpOptions = true,
        description = "The newest message of a device on each of its topics.",
        footer = {"", "Examples:", "  ./gull query latest dev1", "  ./gull query latest dev1 --format json"})
public final class QueryLatestCommand implements Runnable {
    private final CliEnvironment environment;

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    FormatOption output;

    @Parameters(index = "0", paramLabel = "<deviceId>", description = "Device id.")
    String deviceId;

    QueryLatestCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public void run() {
        try {
            DeviceIds.validate(deviceId);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Connections connections = connection.resolve(environment);
        ResultTable rows = CassandraCall.run(connections, true,
                session -> new TelemetryQueries(session, connections.keyspace()).latest(deviceId));
        output.print(spec.commandLine().getOut(), rows);
    }
}
