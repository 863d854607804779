package io.gull.devstack.kafka;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Command line of {@link KafkaServerMain}.
 *
 * @param dataDir        directory owned by this broker: {@code data/} (log dirs), {@code cluster.id}, {@code server.properties}
 * @param host           address both listeners bind to (and the broker advertises)
 * @param port           PLAINTEXT listener port (clients)
 * @param controllerPort KRaft CONTROLLER listener port
 * @param nodeId         KRaft node id
 */
record KafkaServerArgs(Path dataDir, String host, int port, int controllerPort, int nodeId) {

    static final String USAGE = "usage: KafkaServerMain --data-dir DIR [--host 127.0.0.1] [--port 9092]"
            + " [--controller-port 9093] [--node-id 1]";
    private static final Set<String> KNOWN = Set.of("data-dir", "host", "port", "controller-port", "node-id");

    KafkaServerArgs {
        if (port == controllerPort) {
            throw new IllegalArgumentException("--port and --controller-port must differ, both are " + port);
        }
    }

    /** Accepts {@code --key value} and {@code --key=value}. */
    static KafkaServerArgs parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            String key;
            String value;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                key = arg.substring(2, eq);
                value = arg.substring(eq + 1);
            } else {
                key = arg.substring(2);
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value for --" + key);
                }
                value = args[++i];
            }
            if (!KNOWN.contains(key)) {
                throw new IllegalArgumentException("unknown option --" + key);
            }
            values.put(key, value);
        }
        String dataDir = values.get("data-dir");
        if (dataDir == null || dataDir.isBlank()) {
            throw new IllegalArgumentException("--data-dir is required");
        }
        return new KafkaServerArgs(
                Path.of(dataDir).toAbsolutePath(),
                values.getOrDefault("host", "127.0.0.1"),
                port(values, "port", 9092),
                port(values, "controller-port", 9093),
                integer(values, "node-id", 1, 0, Integer.MAX_VALUE));
    }

    private static int port(Map<String, String> values, String key, int fallback) {
        return integer(values, key, fallback, 1, 65535);
    }

    private static int integer(Map<String, String> values, String key, int fallback, int min, int max) {
        String raw = values.get(key);
        if (raw == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value < min || value > max) {
                throw new IllegalArgumentException("--" + key + " must be between " + min + " and " + max + ", got " + raw);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " must be a number, got '" + raw + "'", e);
        }
    }
}
