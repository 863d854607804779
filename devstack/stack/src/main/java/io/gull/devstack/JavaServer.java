package io.gull.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What every server of the stack has in common: its names, its build outputs and classpath, its main class, how long
 * it may take to start and to stop, and how its {@code java} command line is put together. Each launcher holds one
 * and adds only what is specific to its server (ports, program arguments, readiness).
 *
 * @param name         {@code kafka}, {@code cassandra}, {@code flink}, {@code edge}, {@code edge-2}, ...
 * @param displayName  how the user reads it: "Kafka"
 * @param layout       where its data, log and pid files go
 * @param classpath    classpath entries of its JVM
 * @param artifacts    build outputs it needs
 * @param mainClass    the class its JVM runs
 * @param startTimeout how long start-up may take before it counts as failed
 * @param stopGrace    how long it may take to exit on SIGTERM before it is killed
 */
record JavaServer(String name, String displayName, StackLayout layout, List<String> classpath, List<Path> artifacts,
        String mainClass, Duration startTimeout, Duration stopGrace) {

    JavaServer {
        classpath = List.copyOf(classpath);
        artifacts = List.copyOf(artifacts);
    }

    /** A server from a runnable Gull module: {@code target/classes} and {@code target/lib/*} of {@code module}. */
    static JavaServer runnableModule(String name, String displayName, StackLayout layout, String module,
            String mainClass, Duration startTimeout, Duration stopGrace) {
        return new JavaServer(name, displayName, layout, layout.runnableClasspath(module),
                layout.runnableArtifacts(module), mainClass, startTimeout, stopGrace);
    }

    /** Its own data dir, also the working directory of its process. */
    Path dataDir() {
        return layout.serviceDataDir(name);
    }

    Path logFile() {
        return layout.logFile(name);
    }

    /**
     * How to run it: the flags every server JVM gets (the {@linkplain ServiceSpec#markerFlag marker}, the heap,
     * exit on out-of-memory, headless), then {@code extraJvmFlags}, then its main class with {@code args}.
     */
    ServiceSpec spec(String minHeap, String maxHeap, List<String> extraJvmFlags, List<String> args) {
        List<String> jvm = new ArrayList<>(List.of(ServiceSpec.markerFlag(name), "-Xms" + minHeap, "-Xmx" + maxHeap,
                "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true"));
        jvm.addAll(extraJvmFlags);
        return new ServiceSpec(name, new JavaCommand(jvm, classpath, mainClass, args), dataDir(), logFile(),
                layout.pidFile(name));
    }
}
