package io.gull.flink.routing;

import java.util.function.IntPredicate;

/**
 * MQTT packet ids 1-65535 for a session's QoS 1/2 deliveries, round robin, never one an in-flight message still
 * uses: a packet id is not an ordering key and may be reused only once its message is done (tbmq#207).
 */
final class PacketIds {
    static final int MAX = 65_535;

    private PacketIds() {
    }

    /** The next id after {@code previous} in 1..65535, wrapping around. */
    static int after(int previous) {
        return previous >= MAX || previous < 1 ? 1 : previous + 1;
    }

    /**
     * The first free id from {@code start} on (wrapping), or -1 when all 65535 are in use.
     *
     * @param inUse whether an in-flight message holds the id
     */
    static int firstFree(int start, IntPredicate inUse) {
        int candidate = start < 1 || start > MAX ? 1 : start;
        for (int tried = 0; tried < MAX; tried++) {
            if (!inUse.test(candidate)) {
                return candidate;
            }
            candidate = after(candidate);
        }
        return -1;
    }
}
