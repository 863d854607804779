package io.gull.cli.stack;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.gull.cli.CommandContext;
import io.gull.devstack.Endpoints;
import io.gull.devstack.GullStack;
import io.gull.devstack.StackConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gull up [-d] [--data-dir DIR] [--edges N] [--allow-anonymous] ...}: starts Kafka, Cassandra, Flink (jobs
 * submitted over REST) and the edges, each in its own process, in that order and each once ready. In the foreground it
 * stays until Ctrl-C and then stops them all; with {@code -d} it returns and they keep running.
 */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = {"Start the local Gull stack: Kafka (9092), Cassandra (9042), Flink with its web UI (8081) and "
                + "the jobs, and one or more MQTT edges (1883, 1884, ...), each in its own process.",
                "In the foreground, Ctrl-C stops every process; with -d they keep running until ./gull down."},
        footer = {"", "Examples:", "  ./gull up", "  ./gull up -d", "  ./gull up -d --edges 2 --allow-anonymous",
                "  ./gull up -d --data-dir /tmp/gull-data",
                "  ./gull up -d --mqtt-port 11883 --kafka-port 19092 --data-dir /tmp/gull-2",
                "  ./gull up -d --allow-non-restored-state   # resume, dropping unclaimed state",
                "  ./gull up -d --fresh-jobs                 # start the jobs without state"})
public final class UpCommand implements Runnable {
    private static final long WATCH_SECONDS = 5;
    private static final long START_RACE_SECONDS = 10;

    @Mixin
    CommandContext command;

    @Mixin
    DataDirOption dataDir;

    @Mixin
    PortOptions ports;

    @Mixin
    EdgesOptions edges;

    @Mixin
    JobRestoreOptions jobs;

    @Option(names = {"-d", "--detach"}, description = "Return once the stack is ready; it keeps running.")
    boolean detach;

    @Override
    public void run() {
        PrintWriter out = command.out();
        StackConfig config = command.validInput(() -> StackConfigs.build(
                () -> jobs.applyTo(edges.applyTo(ports.applyTo(dataDir.config())))));
        GullStack stack = new GullStack(config, new ConsoleProgress(out, command.clock()));
        out.printf("Starting Gull (data dir %s)...%n", config.dataDir());
        out.flush();
        if (detach) {
            stack.start();
            UpBanner.print(out, stack.endpoints(), config, true);
            return;
        }
        runInForeground(stack, config, out);
    }

    private void runInForeground(GullStack stack, StackConfig config, PrintWriter out) {
        CountDownLatch startReturned = new CountDownLatch(1);
        AtomicBoolean stopping = new AtomicBoolean();
        Thread stopper = new Thread(() -> {
            stopping.set(true);
            stopOnExit(stack, startReturned, out);
        }, "gull-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            stack.start();
        } catch (RuntimeException e) {
            startReturned.countDown();
            removeHook(stopper);
            throw e;
        }
        startReturned.countDown();
        Endpoints endpoints = stack.endpoints();
        UpBanner.print(out, endpoints, config, false);
        StackWatcher watcher = new StackWatcher(stack::status, command.err());
        ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "gull-watch");
            thread.setDaemon(true);
            return thread;
        });
        watch.scheduleWithFixedDelay(() -> {
            try {
                if (!stopping.get()) {
                    watcher.check();
                }
            } catch (RuntimeException ignored) {
                // a failed status probe is not worth a message; the next check tries again
            }
        }, WATCH_SECONDS, WATCH_SECONDS, TimeUnit.SECONDS);
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Shutdown hook (Ctrl-C, SIGTERM): stop everything; if start() is still running, stop again once it returns. */
    private static void stopOnExit(GullStack stack, CountDownLatch startReturned, PrintWriter out) {
        out.println();
        out.println("Stopping Gull...");
        out.flush();
        try {
            stack.stop();
            if (startReturned.getCount() > 0) {
                startReturned.await(START_RACE_SECONDS, TimeUnit.SECONDS);
                stack.stop();
            }
            out.println("Gull stopped: every process has ended.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            out.println("Stopping Gull failed: " + e.getMessage() + " \u2014 run ./gull status and ./gull down");
        }
        out.flush();
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C came during start: the hook is already stopping the stack
        }
    }
}
