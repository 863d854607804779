package io.gull.schemas;

/** Names of Gull's Kafka topics. They are part of the public contract (see README). */
public final class Topics {
    /** Every PUBLISH from a device. Key: clientId (0.1.0 edges: MQTT topic). Value: {@code Publish}. */
    public static final String INGRESS = "gull.ingress";
    /** Session changes seen by edges. Key: clientId. Value: {@code SessionEvent}. */
    public static final String SESSIONS = "gull.sessions";
    /** Credential checks from edges. Key: clientId. Value: {@code AuthRequest}. */
    public static final String AUTH_REQUESTS = "gull.auth.requests";
    /** Compacted device registry. Key: deviceId. Value: {@code DeviceRecord}, null deletes. */
    public static final String DEVICES = "gull.devices";
    /** Cloud-to-device commands. Key: deviceId. Value: {@code Command}. */
    public static final String COMMANDS = "gull.commands";
    /** Records that could not be processed, with the reason in a header. */
    public static final String DEADLETTER = "gull.deadletter";
    /** Edge heartbeats (liveness, edge id in use). Key: edgeId. Value: {@code EdgeHeartbeat}. */
    public static final String EDGES = "gull.edges";
    /**
     * Shared-subscription messages a member left unacknowledged, for another member; the sessions job's own loop.
     * Key: tenant + NUL + $share filter. Value: {@code SharedHandoff}.
     */
    public static final String SHARED_HANDOFFS = "gull.shared.handoffs";
    /** Prefix of the per-edge inboxes. */
    public static final String EDGE_INBOX_PREFIX = "gull.edge.";

    private Topics() {
    }

    /** The inbox topic of one edge: auth decisions, deliveries, takeover kicks. */
    public static String edgeInbox(String edgeId) {
        if (edgeId == null || !edgeId.matches("[A-Za-z0-9._-]{1,200}")) {
            throw new IllegalArgumentException(
                    "edge id must be 1-200 characters of [A-Za-z0-9._-], got: " + edgeId);
        }
        return EDGE_INBOX_PREFIX + edgeId;
    }
}
