package io.gull.devstack;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;

import io.gull.schemas.CqlMigrator;
import io.gull.schemas.CqlSchemaConfig;

/** Applies Gull's CQL migrations to the local node (keyspace with replication factor 1). */
final class CassandraSchema {
    private static final Duration CONNECT_RETRY_FOR = Duration.ofSeconds(60);

    private final String host;
    private final int port;
    private final String keyspace;

    CassandraSchema(String host, int port, String keyspace) {
        this.host = host;
        this.port = port;
        this.keyspace = keyspace;
    }

    /** Returns the migration versions applied now. Retries the connection for a while: the node may still settle. */
    List<Integer> apply() {
        long deadline = System.nanoTime() + CONNECT_RETRY_FOR.toNanos();
        while (true) {
            try (CqlSession session = open()) {
                return new CqlMigrator(session, CqlSchemaConfig.singleNode(keyspace)).migrate();
            } catch (AllNodesFailedException e) {
                if (System.nanoTime() > deadline) {
                    throw new StackException("Cannot connect to Cassandra at " + host + ":" + port
                            + " to apply the schema: " + e.getMessage(), e);
                }
                ServiceStarter.sleep(Duration.ofSeconds(1));
            } catch (DriverException e) {
                throw new StackException("Applying the CQL schema to keyspace " + keyspace + " failed: "
                        + e.getMessage(), e);
            }
        }
    }

    private CqlSession open() {
        DriverConfigLoader loader = DriverConfigLoader.programmaticBuilder()
                .withBoolean(DefaultDriverOption.METADATA_SCHEMA_ENABLED, false)
                .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, Duration.ofSeconds(10))
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30))
                .withDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_TIMEOUT, Duration.ofSeconds(10))
                .build();
        return CqlSession.builder()
                .addContactPoint(new InetSocketAddress(host, port))
                .withLocalDatacenter(CassandraLauncher.LOCAL_DC)
                .withConfigLoader(loader)
                .build();
    }
}
