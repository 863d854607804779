package io.gull.cli.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.gull.cli.CommandContext;
import io.gull.cli.connect.ConnectionOptions;
import io.gull.cli.devices.DeviceIds;
import io.gull.cli.output.FormatOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gull query telemetry <deviceId> [--since 1h] [--limit 100] [--format table|csv|json]}. */
@Command(name = "telemetry", mixinStandardHelpOptions = true,
        description = {"Messages a device published, newest first, one row per message: received_at (UTC), topic, "
                + "payload (UTF-8 text, or base64:... for binary), qos, message_id."},
        footer = {"", "Examples:", "  ./gull query telemetry dev1",
                "  ./gull query telemetry dev1 --since 7d --limit 1000 --format csv > dev1.csv",
                "  ./gull query telemetry dev1 --since 2025-01-31T00:00:00Z --format json"})
public final class QueryTelemetryCommand implements Runnable {
    /** Day partitions read at most (ten years). */
    static final int MAX_DAYS = 3660;
    static final int MAX_LIMIT = 1_000_000;

    @Mixin
    CommandContext command;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    FormatOption output;

    @Parameters(index = "0", paramLabel = "<deviceId>", description = "Device id.")
    String deviceId;

    @Option(names = "--since", paramLabel = "WHEN", defaultValue = "1h", converter = SinceConverter.class,
            description = "Start of the range: " + Since.HELP + " (default: ${DEFAULT-VALUE}).")
    Since since;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100",
            description = "At most N rows, the newest (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public void run() {
        Instant now = command.clock().instant();
        Instant from = since.resolve(command.clock());
        List<LocalDate> days = command.validInput(() -> {
            DeviceIds.validate(deviceId);
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new IllegalArgumentException("--limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
            }
            return DayPartitions.newestFirst(from, now, MAX_DAYS);
        });
        output.print(CassandraCall.telemetry(connection.resolve(),
                queries -> queries.telemetry(deviceId, from, days, limit)));
    }
}
