package io.gull.cli.stack;

import io.gull.cli.CommandContext;
import io.gull.devstack.GullStack;
import io.gull.devstack.StackConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code gull start <service>}: starts one stopped service of the local stack (e.g. after a crash or a kill). */
@Command(name = "start", mixinStandardHelpOptions = true,
        description = {"Start one service of the local stack again, e.g. after it was killed: kafka, cassandra, flink "
                + "(its jobs are resubmitted, resuming from their checkpoints) or edge.",
                "Give the same --data-dir and port options as ./gull up."},
        footer = {"", "Examples:", "  ./gull start edge", "  ./gull start kafka --data-dir /tmp/gull-data"})
public final class StartCommand implements Runnable {
    @Mixin
    CommandContext command;

    @Mixin
    DataDirOption dataDir;

    @Mixin
    PortOptions ports;

    @Parameters(index = "0", paramLabel = "<service>", description = "kafka, cassandra, flink or edge")
    String service;

    @Override
    public void run() {
        String name = command.validInput(() -> ServiceName.require(service));
        StackConfig config = command.validInput(() -> ports.applyTo(dataDir.config()));
        new GullStack(config, new ConsoleProgress(command.out(), command.clock())).startService(name);
    }
}
