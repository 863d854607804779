package io.gull.flink.routing;

import java.io.Serializable;

/**
 * Limits of routing and delivery.
 *
 * @param maxInflight            QoS 1/2 deliveries per session sent but not yet acknowledged (also capped by the
 *                               client's Receive Maximum) ({@code --delivery.max-inflight}, default 100)
 * @param maxQueued              messages a session queues (sent-unacknowledged included); beyond it the oldest
 *                               unsent one is dropped and counted ({@code --session.max-queued}, default 1000)
 * @param retainedPerSubscribe   retained messages sent for one new subscription at most; the cap is logged and
 *                               counted when reached ({@code --retained.max-per-subscribe}, default 10000)
 */
public record RoutingConfig(int maxInflight, int maxQueued, int retainedPerSubscribe) implements Serializable {
    public static final RoutingConfig DEFAULTS = new RoutingConfig(100, 1000, 10_000);

    public RoutingConfig {
        if (maxInflight < 1 || maxInflight > 65_535) {
            throw new IllegalArgumentException("delivery.max-inflight must be 1-65535: " + maxInflight);
        }
        if (maxQueued < 1) {
            throw new IllegalArgumentException("session.max-queued must be at least 1: " + maxQueued);
        }
        if (retainedPerSubscribe < 1) {
            throw new IllegalArgumentException("retained.max-per-subscribe must be at least 1: " + retainedPerSubscribe);
        }
    }
}
