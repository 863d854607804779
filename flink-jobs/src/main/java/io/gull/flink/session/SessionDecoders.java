package io.gull.flink.session;

import io.gull.flink.decode.GullDecoders;
import io.gull.flink.kafka.RawRecord;

/** The sessions operator's inputs decoded straight into {@link SessionInput}s (no extra operator on the way). */
public final class SessionDecoders {
    private SessionDecoders() {
    }

    /** gull.devices, as {@link GullDecoders#deviceChange}. */
    public static SessionInput deviceChange(RawRecord record) {
        return SessionInput.of(GullDecoders.deviceChange(record));
    }

    /** gull.auth.requests, as {@link GullDecoders#authRequest}, with the record's (broker) timestamp. */
    public static SessionInput authRequest(RawRecord record) {
        return SessionInput.of(GullDecoders.authRequest(record), record.timestamp());
    }

    /** gull.edges, as {@link GullDecoders#edgeHeartbeat}, for the edge-liveness operator. */
    public static LivenessInput edgeHeartbeat(RawRecord record) {
        return LivenessInput.of(GullDecoders.edgeHeartbeat(record));
    }
}
