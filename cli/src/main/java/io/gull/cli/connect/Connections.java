package io.gull.cli.connect;

/**
 * Where the data commands connect.
 *
 * @param kafka         Kafka bootstrap server
 * @param cassandra     Cassandra contact point (CQL native port)
 * @param keyspace      Gull's keyspace
 * @param localDc       the Cassandra driver's local datacenter
 */
public record Connections(HostPort kafka, HostPort cassandra, String keyspace, String localDc) {
    public static final HostPort DEFAULT_KAFKA = new HostPort("127.0.0.1", 9092);
    public static final HostPort DEFAULT_CASSANDRA = new HostPort("127.0.0.1", 9042);
    public static final String DEFAULT_KEYSPACE = "gull";
    public static final String DEFAULT_LOCAL_DC = "datacenter1";

    public Connections {
        if (!keyspace.matches("[A-Za-z0-9_]{1,48}")) {
            throw new IllegalArgumentException(
                    "keyspace must be 1-48 characters of letters, digits and '_', got '" + keyspace + "'");
        }
    }
}
