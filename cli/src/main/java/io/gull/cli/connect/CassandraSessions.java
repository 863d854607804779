package io.gull.cli.connect;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;

import io.gull.cli.CliException;

/**
 * Opens the CLI's one {@link CqlSession}. Timeouts and metadata settings live in {@code gull-cli-driver.conf}
 * (a name of its own, so another module's {@code application.conf} on the classpath cannot change them).
 */
public final class CassandraSessions {
    static final String DRIVER_CONFIG = "gull-cli-driver";

    private CassandraSessions() {
    }

    /** Connects without a keyspace; fails with a one-line {@link CliException} when Cassandra is down. */
    public static CqlSession open(Connections connections) {
        HostPort address = connections.cassandra();
        Reachability.require("Cassandra", address, Reachability.DEFAULT_TIMEOUT);
        try {
            return CqlSession.builder()
                    .withConfigLoader(DriverConfigLoader.fromClasspath(DRIVER_CONFIG))
                    .addContactPoint(address.socketAddress())
                    .withLocalDatacenter(connections.localDc())
                    .build();
        } catch (AllNodesFailedException e) {
            throw new CliException(Reachability.unreachable("Cassandra", address), e);
        } catch (DriverException e) {
            throw new CliException("Cannot connect to Cassandra at " + address + ": " + e.getMessage(), e);
        }
    }
}
