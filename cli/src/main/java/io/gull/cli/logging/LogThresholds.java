package io.gull.cli.logging;

import java.util.List;

import org.slf4j.event.Level;

/**
 * The CLI prints what it means to print; libraries only speak up on real problems: WARN and above, except the Kafka
 * client, the Cassandra driver and Netty, which log every failed connection attempt at WARN while the CLI reports an
 * unreachable server itself; those only at ERROR.
 */
final class LogThresholds {
    private static final List<String> ERRORS_ONLY = List.of("org.apache.kafka", "com.datastax.oss.driver", "io.netty");

    private LogThresholds() {
    }

    /** The least severe level a logger of this name prints. */
    static Level of(String loggerName) {
        for (String prefix : ERRORS_ONLY) {
            if (loggerName.equals(prefix) || loggerName.startsWith(prefix + ".")) {
                return Level.ERROR;
            }
        }
        return Level.WARN;
    }
}
