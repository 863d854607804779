package io.gull.cli.output;

/** Renders a {@link ResultTable} as text in one output format. */
public interface Formatter {
    /** The complete output, ending with a line break. */
    String format(ResultTable table);
}
