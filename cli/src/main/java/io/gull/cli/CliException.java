package io.gull.cli;

/** A failure the user can act on: its message is printed alone on stderr (no stack trace) and the exit code is 1. */
public class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CliException(String message) {
        super(message);
    }

    public CliException(String message, Throwable cause) {
        super(message, cause);
    }
}
