package io.gull.edge.mqtt;

import java.util.HashSet;
import java.util.Set;

/**
 * Incoming QoS 2 of one connection (MQTT 4.3.3): the packet ids of PUBLISHes stored (or being stored) whose
 * PUBREL has not come yet. A PUBLISH with such an id is the client's resend and is answered PUBREC again without
 * storing it twice; PUBREL releases the id. A resumed session starts with the ids the sessions job still holds
 * ({@code AuthDecision.awaitingRelease}). Not thread-safe: the connection's event loop only.
 */
final class InboundQos2 {
    private final Set<Integer> awaitingRelease = new HashSet<>();

    InboundQos2(Iterable<Integer> resumed) {
        resumed.forEach(awaitingRelease::add);
    }

    /** True when {@code packetId} is new (store it), false when it is a resend of one awaiting PUBREL. */
    boolean received(int packetId) {
        return awaitingRelease.add(packetId);
    }

    /** Kafka refused the message for good: the flow ended with an error PUBREC, the id is free again. */
    void rejected(int packetId) {
        awaitingRelease.remove(packetId);
    }

    /** PUBREL: true when the id was awaiting it (PUBCOMP 0x00), false when unknown (5.0: PUBCOMP 0x92). */
    boolean released(int packetId) {
        return awaitingRelease.remove(packetId);
    }

    int size() {
        return awaitingRelease.size();
    }
}
