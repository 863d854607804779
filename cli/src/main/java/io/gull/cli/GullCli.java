package io.gull.cli;

import io.gull.cli.devices.DevicesCommand;
import io.gull.cli.query.CqlCommand;
import io.gull.cli.query.QueryCommand;
import io.gull.cli.send.SendCommand;
import io.gull.cli.stack.DownCommand;
import io.gull.cli.stack.EdgeCommand;
import io.gull.cli.stack.StartCommand;
import io.gull.cli.stack.StopCommand;
import io.gull.cli.stack.StatusCommand;
import io.gull.cli.stack.UpCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code gull} command. Entry point: {@link #main}; the {@code gull} script at the repository root runs it. */
@Command(name = "gull", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        usageHelpWidth = 100,
        description = "Gull: MQTT edges -> Kafka -> Flink -> Cassandra. "
                + "Run the stack, provision devices, send them commands, query telemetry.",
        subcommands = {UpCommand.class, DownCommand.class, StatusCommand.class, StartCommand.class, StopCommand.class,
                EdgeCommand.class, DevicesCommand.class, SendCommand.class,
                QueryCommand.class, CqlCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Quickstart:", "  ./gull up -d", "  ./gull devices add dev1 --password pw",
                "  mosquitto_pub -h localhost -p 1883 -q 1 -i dev1 -u dev1 -P pw -t devices/dev1/temp -m 21.5",
                "  ./gull query telemetry dev1", "  ./gull send dev1 devices/dev1/cmd reboot", "  ./gull down", "",
                "Environment: JAVA_HOME (a JDK 17), GULL_DATA_DIR (data dir, default <gull home>/.gull), "
                        + "GULL_REBUILD=1 or ./gull --rebuild (rebuild first), GULL_DEBUG=1 (stack traces)."})
public final class GullCli implements Runnable {

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        CliEnvironment environment = CliEnvironment.fromSystem(System.getenv(),
                System.getProperty(CliEnvironment.HOME_PROPERTY));
        int exitCode = commandLine(environment).execute(args);
        System.exit(exitCode);
    }

    /** The fully wired command line (also used by tests, which set their own out/err writers). */
    public static CommandLine commandLine(CliEnvironment environment) {
        CommandLine commandLine = new CommandLine(GullCli.class, new CommandFactory(environment));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler(new ErrorHandler(environment.debug()));
        commandLine.setParameterExceptionHandler(new UsageErrorHandler());
        return commandLine;
    }

    @Override
    public void run() {
        SubcommandRequired.fail(spec);
    }
}
