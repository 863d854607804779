package io.gull.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.function.Supplier;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * A picocli mixin every command composes: the {@link CliEnvironment} it runs in, its output streams, and bad input
 * reported as a usage error (exit 2, synopsis shown) before anything connects. It adds no options; the bare
 * {@code @Command} is what picocli needs to accept a mixin without any.
 */
@Command
public final class CommandContext {
    private final CliEnvironment environment;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    CommandContext(CliEnvironment environment) {
        this.environment = environment;
    }

    public CliEnvironment environment() {
        return environment;
    }

    public Clock clock() {
        return environment.clock();
    }

    public PrintWriter out() {
        return spec.commandLine().getOut();
    }

    public PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Prints to stdout as {@link PrintWriter#printf} does, then flushes. */
    public void printf(String format, Object... args) {
        PrintWriter out = out();
        out.printf(format, args);
        out.flush();
    }

    /** Prints to stderr as {@link PrintWriter#printf} does, then flushes. */
    public void warn(String format, Object... args) {
        PrintWriter err = err();
        err.printf(format, args);
        err.flush();
    }

    /**
     * Runs the input checks of a command.
     *
     * @return what {@code check} returns
     * @throws ParameterException (a usage error) with the message of an {@link IllegalArgumentException} it throws
     */
    public <T> T validInput(Supplier<T> check) {
        try {
            return check.get();
        } catch (IllegalArgumentException e) {
            throw usageError(e.getMessage());
        }
    }

    /** A usage error of this command, to throw. */
    public ParameterException usageError(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
