package io.gull.cli.stack;

import java.util.List;
import java.util.stream.Collectors;

import io.gull.cli.CommandContext;
import io.gull.cli.output.FormatOption;
import io.gull.cli.output.OutputFormat;
import io.gull.cli.output.ResultTable;
import io.gull.devstack.ServiceStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code gull status [--data-dir DIR] [--format ...]}: what runs; exit code 0 either way. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show which processes of the local stack run (service, state, pid, endpoint).",
        footer = {"", "Examples:", "  ./gull status", "  ./gull status --format json"})
public final class StatusCommand implements Runnable {
    @Mixin
    CommandContext command;

    @Mixin
    DataDirOption dataDir;

    @Mixin
    FormatOption output;

    @Override
    public void run() {
        List<ServiceStatus> services = dataDir.stack(message -> { }).status();
        output.print(table(services));
        if (output.format() == OutputFormat.TABLE) {
            command.printf("%s%n", summary(services));
        }
    }

    static ResultTable table(List<ServiceStatus> services) {
        ResultTable.Builder table = ResultTable.builder("service", "state", "pid", "endpoint", "detail");
        for (ServiceStatus service : services) {
            table.row(service.name(), service.running() ? "running" : "not running",
                    service.running() && service.pid() > 0 ? service.pid() : null,
                    service.endpoint(), service.detail());
        }
        return table.build();
    }

    static String summary(List<ServiceStatus> services) {
        List<String> stopped = services.stream().filter(s -> !s.running()).map(ServiceStatus::name)
                .collect(Collectors.toList());
        if (services.isEmpty() || stopped.size() == services.size()) {
            return "Gull is not running. Start it with ./gull up -d";
        }
        if (stopped.isEmpty()) {
            return "Gull is running. Stop it with ./gull down";
        }
        return "Gull is partly running: " + String.join(", ", stopped) + " not running. Start "
                + (stopped.size() == 1 ? "it with ./gull start " + stopped.get(0) : "each with ./gull start <service>")
                + ", or restart everything with ./gull down and ./gull up -d";
    }
}
