package io.gull.devstack;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Starts server processes detached from the calling JVM (they outlive it, as {@code gull up -d} needs) and finds or
 * stops them later from nothing but their pid files, possibly from another JVM.
 */
final class ProcessSupervisor {
    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final File DEV_NULL = new File("/dev/null");

    private final Path java;

    ProcessSupervisor(Path java) {
        this.java = java;
    }

    /** Starts the process, its output appended to its log file, and records its pid file. */
    Process spawn(ServiceSpec spec) {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            // a session of its own: Ctrl-C in the terminal goes to the CLI only, which then stops the servers in order
            command.add(SETSID.toString());
        }
        command.addAll(spec.command().toCommand(java));
        try {
            Files.createDirectories(spec.workingDir());
            Files.createDirectories(spec.logFile().getParent());
            Files.writeString(spec.logFile(), System.lineSeparator() + LogTail.RUN_MARKER + spec.name() + " starting at "
                    + Instant.now() + System.lineSeparator() + "==== " + String.join(" ", command)
                    + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(spec.workingDir().toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(DEV_NULL))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(spec.logFile().toFile()));
            Process process = builder.start();
            PidFile.of(spec.name(), process.toHandle()).write(spec.pidFile());
            return process;
        } catch (IOException e) {
            throw new StackException("Cannot start " + spec.name() + " (" + String.join(" ", command) + "): "
                    + e.getMessage(), e);
        }
    }

    /** The live process recorded in the pid file; a stale pid file (process gone or pid reused) is removed. */
    Optional<ProcessHandle> running(String service, Path pidFile) {
        Optional<PidFile> recorded = PidFile.read(pidFile, service);
        Optional<ProcessHandle> live = recorded.flatMap(PidFile::liveProcess);
        if (live.isEmpty() && Files.exists(pidFile)) {
            deleteQuietly(pidFile);
        }
        return live;
    }

    /**
     * Sends SIGTERM, waits up to {@code grace}, then kills. Returns what happened, or empty when nothing ran.
     */
    Optional<StopResult> stop(String service, Path pidFile, Duration grace) {
        Optional<ProcessHandle> live = running(service, pidFile);
        if (live.isEmpty()) {
            return Optional.empty();
        }
        ProcessHandle process = live.get();
        long started = System.nanoTime();
        process.destroy();
        boolean graceful = awaitExit(process, grace);
        if (!graceful) {
            process.destroyForcibly();
            if (!awaitExit(process, Duration.ofSeconds(10))) {
                throw new StackException(service + " (pid " + process.pid() + ") did not exit even after SIGKILL;"
                        + " check it with ps and kill it by hand");
            }
        }
        deleteQuietly(pidFile);
        return Optional.of(new StopResult(process.pid(), graceful, Duration.ofNanos(System.nanoTime() - started)));
    }

    /**
     * Kills the process at once (SIGKILL, as {@code kill -9}: no shutdown hooks, no graceful stop) and waits for it to
     * be gone. Returns its pid, or empty when nothing ran.
     */
    Optional<Long> kill(String service, Path pidFile) {
        Optional<ProcessHandle> live = running(service, pidFile);
        if (live.isEmpty()) {
            return Optional.empty();
        }
        ProcessHandle process = live.get();
        process.destroyForcibly();
        if (!awaitExit(process, Duration.ofSeconds(10))) {
            throw new StackException(service + " (pid " + process.pid() + ") did not exit on SIGKILL;"
                    + " check it with ps and kill it by hand");
        }
        deleteQuietly(pidFile);
        return Optional.of(process.pid());
    }

    /**
     * How a stop went.
     *
     * @param pid      the process stopped
     * @param graceful true when it exited on SIGTERM, false when it had to be killed
     * @param took     how long it took
     */
    record StopResult(long pid, boolean graceful, Duration took) {
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a pid file we cannot delete is re-validated (and ignored) on the next read
        }
    }
}
