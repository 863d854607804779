package io.gull.edge.mqtt;

/** User events fired into a connection's pipeline by the edge itself (not by the client). */
public enum EdgeEvents {
    /** A newer connection with the same client id was accepted on this edge (MQTT-3.1.4-3). */
    SESSION_TAKEN_OVER,
    /** The edge is stopping. */
    SERVER_SHUTTING_DOWN
}
