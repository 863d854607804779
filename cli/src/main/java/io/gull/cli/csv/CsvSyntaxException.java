package io.gull.cli.csv;

/** The text is not CSV as RFC 4180 writes it; the message starts with the line: {@code line 7: ...}. */
public final class CsvSyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int line;

    CsvSyntaxException(int line, String problem) {
        super("line " + line + ": " + problem);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
