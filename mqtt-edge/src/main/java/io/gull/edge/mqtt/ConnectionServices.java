package io.gull.edge.mqtt;

import java.time.Clock;
import java.util.Objects;

import io.gull.edge.EdgeConfig;

/**
 * What the MQTT handlers of every connection share: config, the Kafka-facing ports, the local registry,
 * the edge's drain signal (graceful stop).
 */
public record ConnectionServices(
        EdgeConfig config,
        Authenticator authenticator,
        IngressSink ingress,
        SessionEventSink sessionEvents,
        ClientRegistry registry,
        DrainSignal drain,
        Clock clock) {

    public ConnectionServices {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(authenticator, "authenticator");
        Objects.requireNonNull(ingress, "ingress");
        Objects.requireNonNull(sessionEvents, "sessionEvents");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(drain, "drain");
        Objects.requireNonNull(clock, "clock");
    }
}
