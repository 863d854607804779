package io.gull.bench;

import java.util.concurrent.ThreadLocalRandom;

/** A short random id per scenario run: client ids and topics of one run never meet another run's. */
public final class RunIds {
    private RunIds() {
    }

    public static String next() {
        return Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36, 36L * 36 * 36 * 36 * 36 * 36), 36);
    }
}
