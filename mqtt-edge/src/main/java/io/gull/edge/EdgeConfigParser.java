package io.gull.edge;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Parses {@code --key=value} arguments into an {@link EdgeConfig}. Unknown keys, repeated keys, arguments
 * without {@code =} and values out of range are rejected with a message that names the argument.
 */
public final class EdgeConfigParser {

    /** Every accepted key with its meaning and its default, in the order the usage text lists them. */
    private static final Map<String, Function<EdgeConfig, String>> DEFAULTS = new LinkedHashMap<>();
    private static final Map<String, String> DOCS = new LinkedHashMap<>();

    static {
        key("edge-id", c -> c.edgeId(), "name of this edge; inbox topic gull.edge.<edge-id>");
        key("mqtt.host", c -> c.mqttHost(), "address the MQTT listener binds (0.0.0.0 = all)");
        key("mqtt.port", c -> Integer.toString(c.mqttPort()), "MQTT TCP port (0 = any free port)");
        key("mqtt.max-packet-size", c -> Integer.toString(c.maxPacketSize()), "largest MQTT packet, bytes");
        key("mqtt.connect-timeout-ms", c -> millis(c.connectTimeout()), "time a socket has to send CONNECT");
        key("mqtt.max-inflight-per-connection", c -> Integer.toString(c.maxInflightPerConnection()),
                "unacknowledged PUBLISHes per connection before the edge stops reading it");
        key("mqtt.max-inflight-bytes-per-connection", c -> Integer.toString(c.maxInflightBytesPerConnection()),
                "payload bytes of one connection waiting for Kafka before the edge stops reading it");
        key("mqtt.io-threads", c -> Integer.toString(c.ioThreads()), "Netty event-loop threads (0 = 2 x cores)");
        key("kafka.bootstrap", c -> c.kafkaBootstrap(), "Kafka bootstrap servers");
        key("kafka.delivery-timeout-ms", c -> millis(c.deliveryTimeout()),
                "how long one record is retried before the connection is closed without PUBACK");
        key("kafka.linger-ms", c -> Integer.toString(c.lingerMs()), "producer batching delay");
        key("kafka.max-pending-sends", c -> Integer.toString(c.maxPendingSends()),
                "sends waiting for Kafka (all connections) before every socket pauses");
        key("kafka.max-pending-bytes", c -> Long.toString(c.maxPendingBytes()),
                "record bytes waiting for Kafka (all connections) before every socket pauses");
        key("kafka.max-request-size", c -> Integer.toString(c.maxRequestSize()),
                "producer max.request.size; must be >= mqtt.max-packet-size + " + EdgeConfig.ENVELOPE_OVERHEAD);
        key("kafka.retry-interval-ms", c -> millis(c.kafkaRetryInterval()), "pause between start-up attempts");
        key("auth.timeout-ms", c -> millis(c.authTimeout()), "wait for the auth decision, then server unavailable");
        key("inbox.partitions", c -> Integer.toString(c.inboxPartitions()), "partitions of a new inbox topic");
        key("inbox.retention-ms", c -> millis(c.inboxRetention()), "retention of a new inbox topic");
        key("shutdown.timeout-ms", c -> millis(c.shutdownTimeout()), "graceful stop: the whole stop takes at most this");
        key("mqtt.allow-anonymous", c -> Boolean.toString(c.allowAnonymous()),
                "let clients without password in (anonymous tenant); 5.0 clients without client id get one");
        key("edge.heartbeat-interval-ms", c -> millis(c.heartbeatInterval()),
                "heartbeat to gull.edges; an edge id is in use while its heartbeats are younger than 3 intervals");
        key("auth.address.max-failures", c -> Integer.toString(c.addressLimit().maxFailures()),
                "refused CONNECTs of one source address within the window before it gets 0x9F / 0x05 (0 = off)");
        key("auth.address.window-ms", c -> millis(c.addressLimit().window()),
                "window of auth.address.max-failures, from an address's first failure");
        key("auth.address.max-tracked", c -> Integer.toString(c.addressLimit().maxTracked()),
                "source addresses remembered at most (bounded memory); the oldest are forgotten first");
        key("auth.address.ipv6-prefix", c -> Integer.toString(c.addressLimit().ipv6PrefixBits()),
                "IPv6 sources are counted per prefix of this many bits (128 = per address)");
    }

    private EdgeConfigParser() {
    }

    /**
     * @throws ConfigException with a message naming the bad argument
     */
    public static EdgeConfig parse(String... args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || arg.indexOf('=') < 0) {
                throw new ConfigException("expected --key=value, got '" + arg + "'");
            }
            int eq = arg.indexOf('=');
            String key = arg.substring(2, eq);
            String value = arg.substring(eq + 1).trim();
            if (!DEFAULTS.containsKey(key)) {
                throw new ConfigException("unknown option --" + key);
            }
            if (values.putIfAbsent(key, value) != null) {
                throw new ConfigException("option --" + key + " given twice");
            }
        }
        Values v = new Values(values, EdgeConfig.defaults());
        try {
            return new EdgeConfig(
                    v.string("edge-id"),
                    v.string("mqtt.host"),
                    v.integer("mqtt.port"),
                    v.integer("mqtt.max-packet-size"),
                    v.millis("mqtt.connect-timeout-ms"),
                    v.integer("mqtt.max-inflight-per-connection"),
                    v.integer("mqtt.max-inflight-bytes-per-connection"),
                    v.integer("mqtt.io-threads"),
                    v.string("kafka.bootstrap"),
                    v.millis("kafka.delivery-timeout-ms"),
                    v.integer("kafka.linger-ms"),
                    v.integer("kafka.max-pending-sends"),
                    v.longValue("kafka.max-pending-bytes"),
                    v.integer("kafka.max-request-size"),
                    v.millis("kafka.retry-interval-ms"),
                    v.millis("auth.timeout-ms"),
                    v.integer("inbox.partitions"),
                    v.millis("inbox.retention-ms"),
                    v.millis("shutdown.timeout-ms"),
                    v.bool("mqtt.allow-anonymous"),
                    v.millis("edge.heartbeat-interval-ms"),
                    new AddressLimitConfig(v.integer("auth.address.max-failures"), v.millis("auth.address.window-ms"),
                            v.integer("auth.address.max-tracked"), v.integer("auth.address.ipv6-prefix")));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    /** The usage text: every key, its meaning and its default. */
    public static String usage() {
        EdgeConfig defaults = EdgeConfig.defaults();
        StringBuilder out = new StringBuilder("Usage: io.gull.edge.EdgeMain [--key=value ...]\nOptions:\n");
        DEFAULTS.forEach((key, def) -> out.append(String.format("  --%-42s %s (default %s)%n",
                key + "=", DOCS.get(key), def.apply(defaults))));
        return out.toString();
    }

    private static void key(String name, Function<EdgeConfig, String> defaultValue, String doc) {
        DEFAULTS.put(name, defaultValue);
        DOCS.put(name, doc);
    }

    private static String millis(Duration d) {
        return Long.toString(d.toMillis());
    }

    /** Thrown for a bad command line; the message is meant for the operator. */
    public static final class ConfigException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ConfigException(String message) {
            super(message);
        }
    }

    private record Values(Map<String, String> given, EdgeConfig defaults) {
        String string(String key) {
            String value = given.get(key);
            return value != null ? value : DEFAULTS.get(key).apply(defaults);
        }

        int integer(String key) {
            String value = string(key);
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new ConfigException("--" + key + " must be an integer, got '" + value + "'");
            }
        }

        boolean bool(String key) {
            String value = string(key);
            if (value.equals("true") || value.equals("false")) {
                return Boolean.parseBoolean(value);
            }
            throw new ConfigException("--" + key + " must be true or false, got '" + value + "'");
        }

        long longValue(String key) {
            String value = string(key);
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new ConfigException("--" + key + " must be an integer, got '" + value + "'");
            }
        }

        Duration millis(String key) {
            String value = string(key);
            try {
                return Duration.ofMillis(Long.parseLong(value));
            } catch (NumberFormatException e) {
                throw new ConfigException("--" + key + " must be a number of milliseconds, got '" + value + "'");
            }
        }
    }
}
