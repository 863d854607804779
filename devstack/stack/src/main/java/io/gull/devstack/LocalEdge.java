package io.gull.devstack;

import java.util.regex.Pattern;

/**
 * One MQTT edge of the local stack.
 *
 * @param service        its service name: pid file {@code run/<service>.pid}, log {@code logs/<service>.log}, and what
 *                       {@code gull start/stop} call it ({@code edge}, {@code edge-2}, ... for the stack's edges,
 *                       {@code edge-<id>} for one added with {@code gull edge --id <id>})
 * @param edgeId         its {@code --edge-id} (inbox topic {@code gull.edge.<edgeId>})
 * @param mqttPort       its MQTT port
 * @param allowAnonymous whether devices may connect without credentials ({@code --mqtt.allow-anonymous=true})
 */
public record LocalEdge(String service, String edgeId, int mqttPort, boolean allowAnonymous) {
    /** The service name of the stack's first edge. */
    public static final String FIRST_SERVICE = "edge";
    static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,200}");

    public LocalEdge {
        requireValidId(edgeId);
        if (service == null || !(service.equals(FIRST_SERVICE) || service.startsWith(FIRST_SERVICE + "-"))) {
            throw new StackException("an edge's service name is edge or edge-<id>, got: " + service);
        }
        if (mqttPort < 1 || mqttPort > 65535) {
            throw new StackException("MQTT port of edge " + edgeId + " must be between 1 and 65535, got " + mqttPort);
        }
    }

    /** Edge {@code number} (1-based) of a stack whose first edge listens on {@code firstPort}: id edge-n, port + n - 1. */
    static LocalEdge ofStack(int number, int firstPort, boolean allowAnonymous) {
        return new LocalEdge(number == 1 ? FIRST_SERVICE : FIRST_SERVICE + "-" + number, "edge-" + number,
                firstPort + number - 1, allowAnonymous);
    }

    /** An edge added to a running stack ({@code gull edge --id <id>}): service {@code edge-<id>}. */
    static LocalEdge added(String edgeId, int mqttPort, boolean allowAnonymous) {
        requireValidId(edgeId);
        return new LocalEdge(FIRST_SERVICE + "-" + edgeId, edgeId, mqttPort, allowAnonymous);
    }

    /** Its MQTT listener as a Paho server URI. */
    String mqttUri(String host) {
        return "tcp://" + host + ":" + mqttPort;
    }

    /** How progress lines name it: "Edge" for the first, "Edge edge-2", "Edge e2". */
    String displayName() {
        return service.equals(FIRST_SERVICE) ? "Edge" : "Edge " + edgeId;
    }

    static void requireValidId(String edgeId) {
        if (edgeId == null || !ID.matcher(edgeId).matches()) {
            throw new StackException("edge id must be 1-200 characters of [A-Za-z0-9._-], got: " + edgeId);
        }
    }
}
