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
                + "(its jobs are resubmitted, resuming from their checkpoints), edge, or another edge (edge-2, "
                + "edge-<id>; ./gull status lists them).",
                "Give the same --data-dir and port options as ./gull up; an edge starts again with the id, port and "
                        + "settings it had."},
        footer = {"", "Examples:", "  ./gull start edge", "  ./gull start edge-2",
                "  ./gull start kafka --data-dir /tmp/gull-data", "  ./gull start flink --fresh-jobs"})
public final class StartCommand implements Runnable {
    @Mixin
    CommandContext command;

    @Mixin
    DataDirOption dataDir;

    @Mixin
    PortOptions ports;

    @Mixin
    JobRestoreOptions jobs;

    @Parameters(index = "0", paramLabel = "<service>", description = "kafka, cassandra, flink, edge, edge-2, edge-<id>")
    String service;

    @Override
    public void run() {
        String name = command.validInput(() -> ServiceName.require(service));
        StackConfig config = command.validInput(() -> StackConfigs.build(
                () -> jobs.applyTo(ports.applyTo(dataDir.config()))));
        new GullStack(config, new ConsoleProgress(command.out(), command.clock())).startService(name);
    }
}
