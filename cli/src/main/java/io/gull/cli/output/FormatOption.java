package io.gull.cli.output;

import java.io.PrintWriter;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The shared {@code --format table|csv|json} option. */
public final class FormatOption {

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "Output format: table (default), csv or json.")
    OutputFormat format = OutputFormat.TABLE;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    public OutputFormat format() {
        return format;
    }

    /** Prints the table in the chosen format to the command's output and flushes. */
    public void print(ResultTable table) {
        PrintWriter out = spec.commandLine().getOut();
        out.print(format.formatter().format(table));
        out.flush();
    }
}
