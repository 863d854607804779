package io.gull.cli.stack;

import io.gull.cli.CommandContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code gull down [--data-dir DIR]}: stops every process of the stack; data stays. */
@Command(name = "down", mixinStandardHelpOptions = true,
        description = "Stop every process of the local stack started with ./gull up -d. Data is kept for the next up.",
        footer = {"", "Example:", "  ./gull down"})
public final class DownCommand implements Runnable {
    @Mixin
    CommandContext command;

    @Mixin
    DataDirOption dataDir;

    @Override
    public void run() {
        dataDir.stack(new ConsoleProgress(command.out(), command.clock())).stop();
        command.printf("Gull is down (data kept in %s).%n", dataDir.resolve());
    }
}
