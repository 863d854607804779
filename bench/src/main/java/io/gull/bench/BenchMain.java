package io.gull.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The Gull benchmarks: every scenario runs the same load generator against a Mosquitto it starts itself and then
 * against Gull, in one run. Exit codes: 0 all targets ran, 1 a target failed, 2 usage error or no mosquitto.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, version = "Gull benchmarks 0.1.0",
        description = "Gull vs Mosquitto, same generator, same run. Results: bench/results/<scenario>-<timestamp>.{json,md}.",
        subcommands = {LatencyCommand.class, FanoutCommand.class, CommandsCommand.class, SessionsStateCommand.class,
                IngestCommand.class})
public final class BenchMain implements Runnable {
    private static volatile String commandLine = "bench";

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        commandLine = "bench/run " + String.join(" ", args);
        CommandLine cli = new CommandLine(new BenchMain());
        cli.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            if (e instanceof MosquittoNotInstalledException) {
                cmd.getErr().println("bench: " + e.getMessage());
                return 2;
            }
            cmd.getErr().println("bench: " + Failures.describe(e));
            if (System.getenv("GULL_DEBUG") != null) {
                e.printStackTrace(cmd.getErr());
            }
            return 1;
        });
        return cli.execute(args);
    }

    static String commandLine() {
        return commandLine;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.err);
    }
}
