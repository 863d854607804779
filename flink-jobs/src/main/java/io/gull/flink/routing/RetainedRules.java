package io.gull.flink.routing;

import java.nio.ByteBuffer;

import io.gull.schemas.avro.Publish;

/** What a publish with RETAIN set does to the retained message of its topic (MQTT 5.0 section 3.3.1.3). */
final class RetainedRules {
    private RetainedRules() {
    }

    enum Effect { STORE, DELETE }

    /** An empty payload deletes the topic's retained message (and is not stored); an expired one is not stored. */
    static Effect effect(Publish publish, long now) {
        ByteBuffer payload = publish.getPayload();
        if (payload == null || !payload.hasRemaining()) {
            return Effect.DELETE;
        }
        return MessageExpiry.isExpired(MessageExpiry.expiresAt(publish), now) ? Effect.DELETE : Effect.STORE;
    }

    /**
     * How many retained messages one subtask sends for a request broadcast to every subtask (a filter starting
     * with {@code +} or {@code #}): an equal share of the cap, so that all subtasks together stay within it.
     */
    static int broadcastShare(int cap, int parallelism) {
        return Math.max(1, cap / Math.max(1, parallelism));
    }
}
