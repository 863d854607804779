package io.gull.cli.stack;

import io.gull.cli.CommandContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code gull stop <service>}: stops one service of the local stack, e.g. to see how the others cope. */
@Command(name = "stop", mixinStandardHelpOptions = true,
        description = "Stop one service of the local stack (kafka, cassandra, flink, edge, or another edge: edge-2, "
                + "edge-<id>); the others keep running. ./gull start <service> brings it back; ./gull down stops "
                + "everything.",
        footer = {"", "Examples:", "  ./gull stop kafka", "  ./gull stop edge-2"})
public final class StopCommand implements Runnable {
    @Mixin
    CommandContext command;

    @Mixin
    DataDirOption dataDir;

    @Parameters(index = "0", paramLabel = "<service>", description = "kafka, cassandra, flink, edge, edge-2, edge-<id>")
    String service;

    @Override
    public void run() {
        String name = command.validInput(() -> ServiceName.require(service));
        dataDir.stack(new ConsoleProgress(command.out(), command.clock())).stopService(name);
    }
}
