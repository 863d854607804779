package io.gull.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** For commands that only group subcommands: called alone, they fail as a usage error (exit 2, usage shown). */
public final class SubcommandRequired {
    private SubcommandRequired() {
    }

    public static void fail(CommandSpec spec) {
        throw new MissingSubcommandException(spec);
    }

    /** Shown with the full usage, which lists the subcommands. */
    static final class MissingSubcommandException extends ParameterException {
        private static final long serialVersionUID = 1L;

        MissingSubcommandException(CommandSpec spec) {
            super(spec.commandLine(), "Missing subcommand: use one of "
                    + String.join(", ", spec.subcommands().keySet()));
        }
    }
}
