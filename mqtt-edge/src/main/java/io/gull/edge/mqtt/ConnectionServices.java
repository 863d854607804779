package io.gull.edge.mqtt;

import java.time.Clock;
import java.util.Objects;

import io.gull.edge.EdgeConfig;

/**
 * What the MQTT handlers of every connection share: config, the Kafka-facing ports, the registries (client id
 * for local takeover, connection id for the inbox), delivery counters, the edge's drain signal (graceful stop), and
 * the brute-force limit per source address.
 */
public record ConnectionServices(
        EdgeConfig config,
        Authenticator authenticator,
        IngressSink ingress,
        SessionEventSink sessionEvents,
        ClientRegistry registry,
        ConnectionRegistry connections,
        DeliveryCounters counters,
        DrainSignal drain,
        Clock clock,
        AddressThrottle addressThrottle) {

    /** With a throttle of its own, as {@code config} and {@code clock} say. */
    public ConnectionServices(EdgeConfig config, Authenticator authenticator, IngressSink ingress,
                              SessionEventSink sessionEvents, ClientRegistry registry, ConnectionRegistry connections,
                              DeliveryCounters counters, DrainSignal drain, Clock clock) {
        this(config, authenticator, ingress, sessionEvents, registry, connections, counters, drain, clock,
                new AddressThrottle(config.addressLimit(), clock));
    }

    public ConnectionServices {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(authenticator, "authenticator");
        Objects.requireNonNull(ingress, "ingress");
        Objects.requireNonNull(sessionEvents, "sessionEvents");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(connections, "connections");
        Objects.requireNonNull(counters, "counters");
        Objects.requireNonNull(drain, "drain");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(addressThrottle, "addressThrottle");
    }
}
