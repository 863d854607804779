package io.gull.schemas;

/**
 * Where Gull's tables live.
 *
 * @param keyspace    keyspace name (default {@code gull}); tests use one per test class
 * @param replication the CQL replication map, e.g. {@code {'class': 'SimpleStrategy', 'replication_factor': 1}}
 */
public record CqlSchemaConfig(String keyspace, String replication) {
    public static final String DEFAULT_KEYSPACE = "gull";
    public static final String SINGLE_NODE_REPLICATION = "{'class': 'SimpleStrategy', 'replication_factor': 1}";

    public static CqlSchemaConfig singleNode(String keyspace) {
        return new CqlSchemaConfig(keyspace, SINGLE_NODE_REPLICATION);
    }
}
