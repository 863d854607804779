package io.gull.cli.stack;

import java.io.PrintWriter;

import io.gull.cli.CliEnvironment;
import io.gull.devstack.GullStack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gull down [--data-dir DIR]}: stops every process of the stack; data stays. */
@Command(name = "down", mixinStandardHelpOptions = true,
        description = "Stop every process of the local stack started with ./gull up -d. Data is kept for the next up.",
        footer = {"", "Example:", "  ./gull down"})
public final class DownCommand implements Runnable {
    private final CliEnvironment environment;

    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption dataDir;

    DownCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        GullStack stack = dataDir.stack(environment, new ConsoleProgress(out, environment.clock()));
        stack.stop();
        out.printf("Gull is down (data kept in %s).%n", dataDir.resolve(environment));
        out.flush();
    }
}
