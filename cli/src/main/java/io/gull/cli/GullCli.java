package io.gull.cli;

import java.util.List;

import io.gull.cli.devices.DevicesCommand;
import io.gull.cli.logging.CliLogging;
import io.gull.cli.query.CqlCommand;
import io.gull.cli.query.QueryCommand;
import io.gull.cli.send.SendCommand;
import io.gull.cli.stack.DownCommand;
import io.gull.cli.stack.EdgeCommand;
import io.gull.cli.stack.JobsCommand;
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
        footer = {"", "Quickstart:", "  ./gull up -d", "  ./gull devices add dev1 --password pw",
                "  mosquitto_pub -h localhost -p 1883 -q 1 -i dev1 -u dev1 -P pw -t devices/dev1/temp -m 21.5",
                "  ./gull query telemetry dev1", "  ./gull send dev1 devices/dev1/cmd reboot", "  ./gull down", "",
                "Environment: JAVA_HOME (a JDK 17), GULL_DATA_DIR (data dir, default <gull home>/.gull), "
                        + "GULL_REBUILD=1 or ./gull --rebuild (rebuild first), GULL_DEBUG=1 (stack traces)."})
public final class GullCli implements Runnable {
    /** Every command, in the order the usage lists them. */
    static final CommandTree COMMANDS = new CommandTree()
            .command(UpCommand.class)
            .command(DownCommand.class)
            .command(StatusCommand.class)
            .command(StartCommand.class)
            .command(StopCommand.class)
            .command(EdgeCommand.class)
            .group(JobsCommand.class, JobsCommand.SUBCOMMANDS)
            .group(DevicesCommand.class, DevicesCommand.SUBCOMMANDS)
            .command(SendCommand.class)
            .group(QueryCommand.class, QueryCommand.SUBCOMMANDS)
            .command(CqlCommand.class)
            .command(CommandLine.HelpCommand.class);

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        CliLogging.install();
        CliEnvironment environment = CliEnvironment.fromSystem(System.getenv(),
                System.getProperty(CliEnvironment.HOME_PROPERTY),
                System.getProperty(CliEnvironment.STDERR_TERMINAL_PROPERTY));
        int exitCode = commandLine(environment, args).execute(args);
        System.exit(exitCode);
    }

    /** The fully wired command line with every command (also used by tests, which set their own out/err writers). */
    public static CommandLine commandLine(CliEnvironment environment) {
        return commandLine(environment, new String[0]);
    }

    /** The command line for these arguments: with only the commands they name (see {@link CommandTree}). */
    static CommandLine commandLine(CliEnvironment environment, String[] args) {
        CommandFactory factory = new CommandFactory(environment);
        CommandLine commandLine = new CommandLine(GullCli.class, factory);
        // before the settings below: picocli applies them to the subcommands registered at that moment
        COMMANDS.addTo(commandLine, factory, List.of(args));
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
