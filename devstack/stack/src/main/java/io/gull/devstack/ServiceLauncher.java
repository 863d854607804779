package io.gull.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** One server of the stack: how to run it and how to tell that it is ready. */
interface ServiceLauncher {

    /** {@code kafka}, {@code cassandra}, {@code flink}, {@code edge}, {@code edge-2}, ... {@code edge-<id>}. */
    String name();

    /** How the user reads it: "Kafka". */
    String displayName();

    /** Ports it binds, each with what it is for: checked before anything starts. */
    List<PortUse> ports();

    /** Build outputs it needs. */
    List<Path> artifacts();

    /** Writes config files it needs and says how to run it. */
    ServiceSpec prepare();

    /** Where clients reach it, for the progress line and the status. */
    String endpoint();

    /** One readiness probe: true once the server serves clients. Must not block for long. */
    boolean isReady();

    /** How long start-up may take before it counts as failed. */
    Duration startTimeout();

    /** How long it may take to exit on SIGTERM before it is killed. */
    Duration stopGrace();

    /**
     * A port and what uses it.
     *
     * @param host the address it binds
     * @param port the port
     * @param what e.g. "Kafka", "Cassandra storage"
     */
    record PortUse(String host, int port, String what) {
    }
}
