package io.gull.edge.kafka;

/** Another live edge has this edge's id: two edges must never read one inbox. */
public final class EdgeIdInUseException extends Exception {
    private static final long serialVersionUID = 1L;

    EdgeIdInUseException(String edgeId, long lastBeatAgoMs, String mqttAddress) {
        super("edge id " + edgeId + " is in use by a running edge (last heartbeat " + lastBeatAgoMs + " ms ago from "
                + mqttAddress + "); give this edge another --edge-id");
    }
}
