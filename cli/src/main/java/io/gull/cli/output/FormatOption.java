package io.gull.cli.output;

import java.io.PrintWriter;

import picocli.CommandLine.Option;

/** The shared {@code --format table|csv|json} option. */
public final class FormatOption {

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "Output format: table (default), csv or json.")
    OutputFormat format = OutputFormat.TABLE;

    public OutputFormat format() {
        return format;
    }

    /** Prints the table in the chosen format and flushes. */
    public void print(PrintWriter out, ResultTable table) {
        out.print(format.formatter().format(table));
        out.flush();
    }
}
