package io.gull.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A usage error in a few lines: what is wrong, the command's synopsis (or "did you mean"), and where to get help.
 * A group command called without its subcommand shows its full usage instead. Exit code 2.
 */
final class UsageErrorHandler implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine commandLine = ex.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println(commandLine.getColorScheme().errorText("error: " + ex.getMessage()));
        if (ex instanceof SubcommandRequired.MissingSubcommandException) {
            commandLine.usage(err);
        } else if (!UnmatchedArgumentException.printSuggestions(ex, err)) {
            err.print(commandLine.getHelp().fullSynopsis());
            err.printf("Try '%s --help' for more information.%n", commandLine.getCommandSpec().qualifiedName());
        }
        err.flush();
        return commandLine.getCommandSpec().exitCodeOnInvalidInput();
    }
}
