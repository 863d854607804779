package io.gull.devstack.flink;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Command line of {@link FlinkClusterMain}.
 *
 * @param dataDir  directory owned by this cluster: checkpoints, savepoints, uploaded jars, temp files
 * @param restPort port of the REST API and web UI
 * @param bindHost address the REST endpoint binds to
 * @param slots    task slots of the single TaskManager
 */
record FlinkClusterArgs(Path dataDir, int restPort, String bindHost, int slots) {

    static final String USAGE = "usage: FlinkClusterMain --data-dir DIR [--rest-port 8081] [--bind-host 127.0.0.1]"
            + " [--slots 4]";
    private static final Set<String> KNOWN = Set.of("data-dir", "rest-port", "bind-host", "slots");

    /** Accepts {@code --key value} and {@code --key=value}. */
    static FlinkClusterArgs parse(String[] args) {
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
        return new FlinkClusterArgs(
                Path.of(dataDir).toAbsolutePath(),
                integer(values, "rest-port", 8081, 1, 65535),
                values.getOrDefault("bind-host", "127.0.0.1"),
                integer(values, "slots", 4, 1, 256));
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
