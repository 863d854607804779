package io.gull.cli.output;

import java.io.PrintWriter;
import java.time.Duration;

/**
 * Reports how far a long task is, on stderr: a bar redrawn in place on a terminal, a plain line every few seconds
 * elsewhere (a log, a CI job), where redrawing would only litter the output.
 */
public interface ProgressReport {
    /** How often {@link #show} wants to be called. */
    Duration interval();

    /** The state now. */
    void show(long done, long failed, long total, Duration elapsed);

    /** The end state; a bar is finished with a line break. */
    void finish(long done, long failed, long total, Duration elapsed);

    /** A bar for a terminal, else plain lines that count {@code what} ("devices"). */
    static ProgressReport to(PrintWriter out, boolean terminal, String what) {
        return terminal ? new Bar(out) : new Lines(out, what);
    }

    /** Redraws one line with {@code \r}, every 0.2 s. */
    final class Bar implements ProgressReport {
        private final PrintWriter out;
        private int lastLength;

        Bar(PrintWriter out) {
            this.out = out;
        }

        @Override
        public Duration interval() {
            return Duration.ofMillis(200);
        }

        @Override
        public void show(long done, long failed, long total, Duration elapsed) {
            String text = ProgressText.bar(done, failed, total, elapsed);
            // pad with spaces: the previous text may have been longer
            out.print("\r" + text + " ".repeat(Math.max(0, lastLength - text.length())));
            out.flush();
            lastLength = text.length();
        }

        @Override
        public void finish(long done, long failed, long total, Duration elapsed) {
            show(done, failed, total, elapsed);
            out.println();
            out.flush();
        }
    }

    /** A line every 5 s; none at the end, where the caller's summary says it all. */
    final class Lines implements ProgressReport {
        private final PrintWriter out;
        private final String what;

        Lines(PrintWriter out, String what) {
            this.out = out;
            this.what = what;
        }

        @Override
        public Duration interval() {
            return Duration.ofSeconds(5);
        }

        @Override
        public void show(long done, long failed, long total, Duration elapsed) {
            out.println(ProgressText.line(what, done, failed, total, elapsed));
            out.flush();
        }

        @Override
        public void finish(long done, long failed, long total, Duration elapsed) {
            // the summary follows
        }
    }
}
