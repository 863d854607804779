package io.gull.cli;

/**
 * Input the user has to fix, found before anything was done, too long to show with the command's synopsis (e.g. the
 * invalid rows of an import file): its message is printed alone and the exit code is 2, as for usage errors.
 */
public final class InvalidInputException extends CliException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
