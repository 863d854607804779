package io.gull.flink.telemetry;

import java.io.Serializable;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Where and how the telemetry sink writes. Timeouts and consistency are in the driver configuration
 * {@value #DRIVER_CONFIG}.conf on the classpath.
 *
 * @param contactPoints  Cassandra nodes to connect to (resolved when the writer connects)
 * @param localDc        the driver's local datacenter
 * @param keyspace       migrated at start-up, then written to
 * @param maxInFlight    most writes (a message's row, or a coalesced latest_by_device row) awaiting Cassandra's
 *                       answer per writer; beyond it writes block
 * @param minBackoff     first retry delay after a transient error; doubles per retry...
 * @param maxBackoff     ...up to this
 */
public record CassandraSinkConfig(List<InetSocketAddress> contactPoints, String localDc, String keyspace,
        int maxInFlight, Duration minBackoff, Duration maxBackoff) implements Serializable {
    public static final String DRIVER_CONFIG = "gull-telemetry-cassandra";
    public static final int DEFAULT_MAX_IN_FLIGHT = 128;
    private static final long serialVersionUID = 1L;

    public CassandraSinkConfig {
        contactPoints = List.copyOf(contactPoints);
        if (contactPoints.isEmpty()) {
            throw new IllegalArgumentException("at least one Cassandra contact point is needed");
        }
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1: " + maxInFlight);
        }
        if (minBackoff.isNegative() || minBackoff.isZero() || maxBackoff.compareTo(minBackoff) < 0) {
            throw new IllegalArgumentException("need 0 < minBackoff <= maxBackoff");
        }
    }

    public static CassandraSinkConfig of(List<InetSocketAddress> contactPoints, String localDc, String keyspace) {
        return new CassandraSinkConfig(contactPoints, localDc, keyspace, DEFAULT_MAX_IN_FLIGHT,
                Duration.ofMillis(100), Duration.ofSeconds(5));
    }

    /** The contact points as {@code host:port,host:port}, for log lines. */
    public String contactPointsText() {
        return contactPoints.stream().map(a -> a.getHostString() + ":" + a.getPort())
                .collect(Collectors.joining(","));
    }

    /** The delay before retry number {@code retry} (0 = first retry). */
    public Duration backoff(int retry) {
        long millis = minBackoff.toMillis() << Math.min(retry, 20);
        return millis >= maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis(millis);
    }
}
