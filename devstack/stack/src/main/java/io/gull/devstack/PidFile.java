package io.gull.devstack;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Properties;

/**
 * {@code <dataDir>/run/<service>.pid}: the pid of a server process and the instant it started. A pid alone is not
 * enough: after a reboot or a crash the OS may give the same pid to an unrelated process, and stopping that one
 * would be a disaster. A pid counts as ours only while a process with that pid and that start instant is alive.
 *
 * @param pid     the process id
 * @param started when the process started, as the OS reports it, or null when the OS does not say
 * @param service the service name
 */
record PidFile(long pid, Instant started, String service) {

    /** Start instants derived from /proc are rounded to clock ticks; allow for that. */
    private static final Duration START_TOLERANCE = Duration.ofSeconds(1);

    static PidFile of(String service, ProcessHandle process) {
        return new PidFile(process.pid(), process.info().startInstant().orElse(null), service);
    }

    void write(Path file) {
        Properties p = new Properties();
        p.setProperty("pid", Long.toString(pid));
        p.setProperty("service", service);
        if (started != null) {
            p.setProperty("started", started.toString());
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(out, "Gull " + service + " process");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StackException("Cannot write pid file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The recorded process, or empty when the file is missing or unreadable. */
    static Optional<PidFile> read(Path file, String service) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
            long pid = Long.parseLong(p.getProperty("pid", "").trim());
            String started = p.getProperty("started");
            return Optional.of(new PidFile(pid, started == null ? null : Instant.parse(started.trim()), service));
        } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The live process this file describes, if it is still the one we started. */
    Optional<ProcessHandle> liveProcess() {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(this::isSameProcess);
    }

    private boolean isSameProcess(ProcessHandle handle) {
        Optional<Instant> actual = handle.info().startInstant();
        if (started != null && actual.isPresent()) {
            return Duration.between(started, actual.get()).abs().compareTo(START_TOLERANCE) <= 0;
        }
        // no start instant to compare: fall back on the marker in the command line, if the OS shows it
        return handle.info().arguments()
                .map(args -> java.util.Arrays.asList(args).contains(ServiceSpec.markerFlag(service)))
                .orElse(false);
    }
}
