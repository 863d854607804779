package io.gull.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Every path the stack uses: build outputs under the install dir, and data, logs and pid files under the data dir. */
record StackLayout(Path installDir, Path dataDir) {

    static StackLayout of(StackConfig config) {
        return new StackLayout(config.installDir(), config.dataDir());
    }

    Path serviceDataDir(String service) {
        return dataDir.resolve(service);
    }

    Path logsDir() {
        return dataDir.resolve("logs");
    }

    Path logFile(String service) {
        return logsDir().resolve(service + ".log");
    }

    Path runDir() {
        return dataDir.resolve("run");
    }

    Path pidFile(String service) {
        return runDir().resolve(service + ".pid");
    }

    /** Which job id each Flink entry class got on its last submission (to resume it from its checkpoints). */
    Path flinkJobsFile() {
        return runDir().resolve("flink-jobs.properties");
    }

    Path moduleTarget(String module) {
        return installDir.resolve(module).resolve("target");
    }

    Path flinkJobsJar() {
        return moduleTarget("flink-jobs").resolve("gull-flink-jobs.jar");
    }

    /** The classpath of a runnable module: {@code target/classes} and {@code target/lib/*}. */
    List<String> runnableClasspath(String module) {
        Path target = moduleTarget(module);
        return List.of(target.resolve("classes").toString(), target.resolve("lib") + "/*");
    }

    List<Path> runnableArtifacts(String module) {
        Path target = moduleTarget(module);
        return List.of(target.resolve("classes"), target.resolve("lib"));
    }

    /** Fails with a message naming the first missing build output and how to build it. */
    static void requireArtifacts(List<Path> artifacts) {
        for (Path artifact : artifacts) {
            if (!Files.exists(artifact)) {
                throw new StackException("Missing build artifact " + artifact
                        + ": run ./mvnw -DskipTests package (in the Gull directory) first");
            }
        }
    }
}
