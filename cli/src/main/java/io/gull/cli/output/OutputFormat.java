package io.gull.cli.output;

/** The output formats every command that prints rows accepts with {@code --format}. */
public enum OutputFormat {
    /** Aligned columns for people. */
    TABLE(new TableFormatter()),
    /** RFC 4180 CSV with a header row. */
    CSV(new CsvFormatter()),
    /** A JSON array with one object per row. */
    JSON(new JsonFormatter());

    private final Formatter formatter;

    OutputFormat(Formatter formatter) {
        this.formatter = formatter;
    }

    public Formatter formatter() {
        return formatter;
    }
}
