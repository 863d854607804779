package io.gull.cli;

import java.io.PrintWriter;

import io.gull.devstack.StackException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception thrown by a command into one line on stderr and exit code 1 (2 for {@link InvalidInputException}).
 * Expected failures ({@link CliException}, {@link StackException}) print their message only; anything else also names
 * its type, and prints the stack trace when {@code GULL_DEBUG} is set.
 */
final class ErrorHandler implements IExecutionExceptionHandler {
    static final int EXIT_FAILURE = 1;
    static final int EXIT_INVALID_INPUT = 2;

    private final boolean debug;

    ErrorHandler(boolean debug) {
        this.debug = debug;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (ex instanceof CliException || ex instanceof StackException) {
            err.println(commandLine.getColorScheme().errorText("error: " + ex.getMessage()));
        } else {
            err.println(commandLine.getColorScheme().errorText("error: unexpected " + ex.getClass().getSimpleName()
                    + ": " + ex.getMessage() + (debug ? "" : " (set GULL_DEBUG=1 for details)")));
        }
        if (debug) {
            ex.printStackTrace(err);
        }
        err.flush();
        return ex instanceof InvalidInputException ? EXIT_INVALID_INPUT : EXIT_FAILURE;
    }
}
