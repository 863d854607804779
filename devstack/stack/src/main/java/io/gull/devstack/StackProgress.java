package io.gull.devstack;

/** Receives one progress line at a time while the stack starts or stops, for the user to read. */
@FunctionalInterface
public interface StackProgress {
    void step(String message);
}
