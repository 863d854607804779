package io.gull.cli.stack;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.gull.devstack.StackProgress;

/** Prints each step of starting/stopping the stack as it happens, with the seconds elapsed: {@code [  3.2s] ...}. */
final class ConsoleProgress implements StackProgress {
    private final PrintWriter out;
    private final Clock clock;
    private final Instant started;

    ConsoleProgress(PrintWriter out, Clock clock) {
        this.out = out;
        this.clock = clock;
        this.started = clock.instant();
    }

    @Override
    public synchronized void step(String message) {
        long millis = Duration.between(started, clock.instant()).toMillis();
        out.printf("[%5.1fs] %s%n", millis / 1000.0, message);
        out.flush();
    }
}
