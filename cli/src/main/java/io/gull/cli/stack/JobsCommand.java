package io.gull.cli.stack;

import java.util.List;

import io.gull.cli.SubcommandRequired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gull jobs rescale}: Gull's Flink jobs in the local stack. */
@Command(name = "jobs", mixinStandardHelpOptions = true,
        description = "Operate Gull's Flink jobs (gull-sessions, gull-telemetry) in the local stack.")
public final class JobsCommand implements Runnable {
    /** Registered by {@code GullCli} per run, so that a run builds only the one it needs (see CommandTree). */
    public static final List<Class<?>> SUBCOMMANDS = List.of(JobsRescaleCommand.class);

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        SubcommandRequired.fail(spec);
    }
}
