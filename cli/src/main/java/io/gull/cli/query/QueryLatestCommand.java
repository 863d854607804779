package io.gull.cli.query;

import io.gull.cli.CommandContext;
import io.gull.cli.connect.ConnectionOptions;
import io.gull.cli.devices.DeviceIds;
import io.gull.cli.output.FormatOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code gull query latest <deviceId> [--format table|csv|json]}. */
@Command(name = "latest", mixinStandardHelpOptions = true,
        description = "The newest message of a device on each of its topics.",
        footer = {"", "Examples:", "  ./gull query latest dev1", "  ./gull query latest dev1 --format json"})
public final class QueryLatestCommand implements Runnable {
    @Mixin
    CommandContext command;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    FormatOption output;

    @Parameters(index = "0", paramLabel = "<deviceId>", description = "Device id.")
    String deviceId;

    @Override
    public void run() {
        command.validInput(() -> DeviceIds.validate(deviceId));
        output.print(CassandraCall.telemetry(connection.resolve(), queries -> queries.latest(deviceId)));
    }
}
