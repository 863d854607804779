package io.gull.devstack;

/** The stack could not do what was asked; the message says why and what to do, and is meant for the user. */
public class StackException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
