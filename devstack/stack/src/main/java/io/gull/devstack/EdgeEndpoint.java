package io.gull.devstack;

/**
 * Where devices reach one edge of the local stack.
 *
 * @param service its service name ({@code edge}, {@code edge-2}, {@code edge-<id>})
 * @param edgeId  its edge id
 * @param mqtt    its MQTT listener as a URI, {@code tcp://host:port} (a Paho server URI)
 */
public record EdgeEndpoint(String service, String edgeId, String mqtt) {
}
