package io.gull.cli.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.gull.cli.CliEnvironment;
import io.gull.cli.connect.ConnectionOptions;
import io.gull.cli.connect.Connections;
import io.gull.cli.devices.DeviceIds;
import io.gull.cli.output.FormatOption;
import io.gull.cli.output.ResultTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

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

    private final CliEnvironment environment;

    @Spec
    CommandSpec spec;

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

    QueryTelemetryCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public void run() {
        Instant now = environment.clock().instant();
        Instant from = since.resolve(environment.clock());
        List<LocalDate> days;
        try {
            DeviceIds.validate(deviceId);
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new IllegalArgumentException("--limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
            }
            days = DayPartitions.newestFirst(from, now, MAX_DAYS);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Connections connections = connection.resolve(environment);
        ResultTable rows = CassandraCall.run(connections, true,
                session -> new TelemetryQueries(session, connections.keyspace())
                        .telemetry(deviceId, from, days, limit));
        output.print(spec.commandLine().getOut(), rows);
    }
}
