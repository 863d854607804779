package io.gull.flink.routing;

import java.util.HashMap;
import java.util.Map;

import io.gull.schemas.avro.Publish;

/**
 * MQTT 5 Message Expiry Interval (section 3.3.2.3.3): a message expires its interval after the edge received it;
 * a subscriber is sent the seconds left. Times in epoch milliseconds; "now" is the job's processing time.
 */
final class MessageExpiry {
    /** The property that carries the interval, in seconds (see Publish.properties). */
    static final String PROPERTY = "mqtt.messageExpiryInterval";

    private MessageExpiry() {
    }

    /** When {@code publish} expires, or null when it never does (no interval, or one that is not a positive number). */
    static Long expiresAt(Publish publish) {
        String interval = publish.getProperties() == null ? null : publish.getProperties().get(PROPERTY);
        if (interval == null || publish.getReceivedAt() == null) {
            return null;
        }
        try {
            long seconds = Long.parseLong(interval.trim());
            return seconds > 0 ? publish.getReceivedAt().toEpochMilli() + seconds * 1000 : null;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    static boolean isExpired(Long expiresAt, long now) {
        return expiresAt != null && now >= expiresAt;
    }

    /** Whole seconds left, rounded up and at least 1 (a message already on its way is not sent as expired). */
    static long secondsLeft(long expiresAt, long now) {
        return Math.max(1, (expiresAt - now + 999) / 1000);
    }

    /** {@code properties} with the interval set to the time left, or as they are when there is no expiry. */
    static Map<String, String> withTimeLeft(Map<String, String> properties, Long expiresAt, long now) {
        Map<String, String> out = properties == null ? new HashMap<>() : new HashMap<>(properties);
        if (expiresAt != null) {
            out.put(PROPERTY, Long.toString(secondsLeft(expiresAt, now)));
        }
        return out;
    }
}
