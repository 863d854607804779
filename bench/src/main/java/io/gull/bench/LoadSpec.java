package io.gull.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a scenario loads its target.
 *
 * @param ratePerSecond   messages (or commands) per second, over all publishers
 * @param warmupSeconds   sent at the same rate first, counted for loss but not for latency
 * @param durationSeconds the measured window
 * @param drainSeconds    how long to wait after the last send for deliveries still under way
 * @param settleSeconds   pause between the last SUBACK and the first publish (Gull applies a subscription
 *                        asynchronously, normally ms after the SUBACK)
 * @param qos             QoS of the publishes and subscriptions
 * @param payloadBytes    payload size (at least {@link PayloadCodec#HEADER_BYTES})
 */
public record LoadSpec(double ratePerSecond, double warmupSeconds, double durationSeconds, double drainSeconds,
                       double settleSeconds, int qos, int payloadBytes) {
    public LoadSpec {
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("--rate must be > 0");
        }
        if (warmupSeconds < 0 || durationSeconds <= 0 || drainSeconds < 0 || settleSeconds < 0) {
            throw new IllegalArgumentException("--duration must be > 0; --warmup, --drain and --settle >= 0");
        }
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("--qos must be 0, 1 or 2");
        }
        if (payloadBytes < PayloadCodec.HEADER_BYTES) {
            throw new IllegalArgumentException("--payload-bytes must be at least " + PayloadCodec.HEADER_BYTES);
        }
    }

    public long warmupMessages() {
        return RateSchedule.messagesIn(warmupSeconds, ratePerSecond);
    }

    public long totalMessages() {
        return RateSchedule.messagesIn(warmupSeconds + durationSeconds, ratePerSecond);
    }

    public Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rate", ratePerSecond);
        out.put("warmupSeconds", warmupSeconds);
        out.put("durationSeconds", durationSeconds);
        out.put("qos", qos);
        out.put("payloadBytes", payloadBytes);
        return out;
    }
}
