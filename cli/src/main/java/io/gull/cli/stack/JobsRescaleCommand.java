package io.gull.cli.stack;

import io.gull.cli.CommandContext;
import io.gull.devstack.JobName;
import io.gull.devstack.JobRescale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gull jobs rescale <job> --parallelism N}: stop with a savepoint, resume from it at another parallelism. */
@Command(name = "rescale", mixinStandardHelpOptions = true,
        description = {"Stop one Flink job of the running local stack with a savepoint and resume it from that "
                + "savepoint at another parallelism, keeping its state: sessions, subscriptions, queued and retained "
                + "messages and the device registry (gull-sessions), its Kafka offsets (both jobs). The job keeps "
                + "the code it ran; the other job is not touched. While it is stopped (seconds), what the edges "
                + "send waits in Kafka.",
                "The savepoint goes to flink/savepoints/ in the data dir; the data dir remembers the new parallelism, "
                        + "so ./gull up and ./gull start flink resume the job at it. The same parallelism restarts "
                        + "the job from a savepoint."},
        footer = {"", "Examples:", "  ./gull jobs rescale gull-sessions --parallelism 2",
                "  ./gull jobs rescale telemetry --parallelism 1 --data-dir /tmp/gull-data"})
public final class JobsRescaleCommand implements Runnable {
    @Mixin
    CommandContext command;

    @Mixin
    DataDirOption dataDir;

    @Parameters(index = "0", paramLabel = "<job>",
            description = "gull-sessions or gull-telemetry (also: sessions, telemetry)")
    String job;

    @Option(names = "--parallelism", required = true, paramLabel = "N",
            description = "The parallelism to resume the job at: 1 to " + JobRescale.MAX_PARALLELISM
                    + ", within the Flink cluster's free task slots (the local cluster has 4, shared by both jobs).")
    int parallelism;

    @Override
    public void run() {
        JobName name = command.validInput(() -> {
            JobRescale.requireParallelism(parallelism);
            return JobName.of(job);
        });
        JobRescale done = dataDir.stack(new ConsoleProgress(command.out(), command.clock()))
                .rescaleJob(name.flinkName(), parallelism);
        command.printf("%s runs at parallelism %d (job %s), resumed from %s.%n", done.job(), done.parallelism(),
                done.jobId(), done.resumedFrom());
    }
}
