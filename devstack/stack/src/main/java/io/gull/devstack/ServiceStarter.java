package io.gull.devstack;

import java.time.Duration;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/** Starts one server process and waits until it is ready, reporting progress; a failed start leaves nothing running. */
final class ServiceStarter {
    private static final Duration POLL = Duration.ofMillis(250);
    private static final int TAIL_LINES = 12;

    private final ProcessSupervisor supervisor;
    private final StackProgress progress;
    private final Object spawnLock;
    private final BooleanSupplier cancelled;

    ServiceStarter(ProcessSupervisor supervisor, StackProgress progress) {
        this(supervisor, progress, new Object(), () -> false);
    }

    /**
     * @param spawnLock held while a process is spawned and its pid file written; whoever sets {@code cancelled}
     *                  under the same lock knows that every process spawned before has a pid file, and no more will come
     * @param cancelled true once the stack is being stopped: no more spawning, and a pending wait ends
     */
    ServiceStarter(ProcessSupervisor supervisor, StackProgress progress, Object spawnLock, BooleanSupplier cancelled) {
        this.supervisor = supervisor;
        this.progress = progress;
        this.spawnLock = spawnLock;
        this.cancelled = cancelled;
    }

    /** Returns once {@link ServiceLauncher#isReady()} holds; throws a {@link StackException} pointing at the log. */
    void start(ServiceLauncher launcher) {
        ServiceSpec spec = launcher.prepare();
        progress.step(label(launcher.displayName()) + "starting on " + launcher.endpoint() + " ...");
        long begin = System.nanoTime();
        Process process;
        synchronized (spawnLock) {
            if (cancelled.getAsBoolean()) {
                throw cancellation();
            }
            process = supervisor.spawn(spec);
        }
        try {
            awaitReady(launcher, spec, process, begin);
        } catch (RuntimeException e) {
            supervisor.stop(launcher.name(), spec.pidFile(), launcher.stopGrace());
            throw e;
        }
        progress.step(label(launcher.displayName()) + "ready (" + seconds(System.nanoTime() - begin) + ")");
    }

    private void awaitReady(ServiceLauncher launcher, ServiceSpec spec, Process process, long begin) {
        long deadline = begin + launcher.startTimeout().toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new StackException(launcher.displayName() + " exited during start-up (exit code "
                        + process.exitValue() + "). Last lines of " + spec.logFile() + ":\n"
                        + LogTail.lastLines(spec.logFile(), TAIL_LINES));
            }
            if (launcher.isReady()) {
                return;
            }
            if (cancelled.getAsBoolean()) {
                throw cancellation();
            }
            if (System.nanoTime() > deadline) {
                throw new StackException(launcher.displayName() + " did not become ready within "
                        + launcher.startTimeout().toSeconds() + " s; see " + spec.logFile() + ". Last lines:\n"
                        + LogTail.lastLines(spec.logFile(), TAIL_LINES));
            }
            sleep(POLL);
        }
    }

    static StackException cancellation() {
        return new StackException("Start-up cancelled: the stack is being stopped");
    }

    /** The service name padded to a column, so progress lines line up: "Kafka        ready (3.1 s)". */
    static String label(String displayName) {
        return String.format(Locale.ROOT, "%-12s ", displayName);
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while waiting for the stack", e);
        }
    }
}
