package io.gull.bench;

import java.net.URI;

/** An MQTT listener, parsed from {@code tcp://host:port} (or {@code host:port}). */
public record Endpoint(String host, int port) {
    public static Endpoint parse(String text) {
        String value = text.trim();
        URI uri = URI.create(value.contains("://") ? value : "tcp://" + value);
        if (!"tcp".equals(uri.getScheme()) && !"mqtt".equals(uri.getScheme())) {
            throw new IllegalArgumentException("only tcp:// MQTT endpoints are supported, not " + text);
        }
        if (uri.getHost() == null || uri.getPort() <= 0) {
            throw new IllegalArgumentException("an MQTT endpoint needs a host and a port (tcp://127.0.0.1:1883), not " + text);
        }
        return new Endpoint(uri.getHost(), uri.getPort());
    }

    @Override
    public String toString() {
        return "tcp://" + host + ":" + port;
    }
}
