package io.gull.cli.devices;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import io.gull.cli.CommandContext;
import io.gull.cli.connect.ConnectionOptions;
import io.gull.cli.output.FormatOption;
import io.gull.cli.output.ResultTable;
import io.gull.schemas.avro.DeviceRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code gull devices list [--format table|csv|json]}: the current registry, never the password hashes. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the registered devices (read from the start of gull.devices; hashes are never shown).",
        footer = {"", "Examples:", "  ./gull devices list", "  ./gull devices list --format json"})
public final class DevicesListCommand implements Runnable {
    private static final Duration READ_DEADLINE = Duration.ofSeconds(30);

    @Mixin
    CommandContext command;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    FormatOption output;

    @Override
    public void run() {
        DeviceRegistryReader.Snapshot snapshot =
                new DeviceRegistryReader(connection.resolve().kafka(), READ_DEADLINE).read();
        output.print(table(snapshot.devices().values()));
        if (snapshot.undecodable() > 0) {
            command.warn("warning: skipped %d record(s) of gull.devices that are not device records%n",
                    snapshot.undecodable());
        }
    }

    static ResultTable table(Iterable<DeviceRecord> devices) {
        ResultTable.Builder table = ResultTable.builder("device_id", "tenant", "metadata", "created_at", "updated_at");
        for (DeviceRecord device : devices) {
            table.row(device.getDeviceId(), device.getTenant(), metadata(device.getMetadata()),
                    String.valueOf(device.getCreatedAt()), String.valueOf(device.getUpdatedAt()));
        }
        return table.build();
    }

    private static String metadata(Map<String, String> metadata) {
        return new java.util.TreeMap<>(metadata).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(";"));
    }
}
