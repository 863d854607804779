package io.gull.devstack;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code java} command line: JVM flags, classpath entries (joined with the path separator, wildcards such as
 * {@code lib/*} passed through to the JVM), main class and program arguments.
 */
record JavaCommand(List<String> jvmFlags, List<String> classpath, String mainClass, List<String> args) {

    JavaCommand {
        jvmFlags = List.copyOf(jvmFlags);
        classpath = List.copyOf(classpath);
        args = List.copyOf(args);
    }

    /** The java launcher of the JVM running this code, so every server runs on the same JDK as the CLI. */
    static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    List<String> toCommand(Path java) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmFlags);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classpath));
        command.add(mainClass);
        command.addAll(args);
        return command;
    }
}
