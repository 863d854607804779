package io.gull.flink.telemetry;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.metadata.Node;

/**
 * Opens a driver session, waiting (with backoff, logging once) while Cassandra is not reachable. Until a contact
 * point accepts a TCP connection it only probes the port, so the driver does not log a failed session per attempt.
 */
final class CassandraSessions {
    private static final Logger LOG = LoggerFactory.getLogger(CassandraSessions.class);
    private static final int PROBE_TIMEOUT_MS = 1000;

    private CassandraSessions() {
    }

    static CqlSession open(CassandraSinkConfig config) throws InterruptedException {
        long waitingSince = 0;
        for (int attempt = 0; ; attempt++) {
            // resolved anew on every attempt: a name that does not resolve yet may resolve later
            List<InetSocketAddress> contactPoints = config.contactPoints().stream()
                    .map(a -> new InetSocketAddress(a.getHostString(), a.getPort()))
                    .collect(Collectors.toList());
            String problem;
            if (anyAcceptsConnections(contactPoints)) {
                try {
                    CqlSession session = build(config, contactPoints);
                    requireLocalDc(session, config.localDc());
                    if (waitingSince != 0) {
                        LOG.info("Connected to Cassandra at {} after waiting {} ms.", config.contactPointsText(),
                                (System.nanoTime() - waitingSince) / 1_000_000);
                    }
                    return session;
                } catch (DriverException e) {
                    if (!TransientErrors.isTransient(e)) {
                        throw e;
                    }
                    problem = e.getMessage();
                }
            } else {
                problem = "no contact point accepts connections";
            }
            if (waitingSince == 0) {
                waitingSince = System.nanoTime();
                LOG.warn("Cannot connect to Cassandra at {} (local DC {}): {}. Retrying until it is reachable; "
                        + "check that Cassandra runs and that --cassandra.contact-points is right.",
                        config.contactPointsText(), config.localDc(), problem);
            }
            Thread.sleep(config.backoff(attempt).toMillis());
        }
    }

    private static CqlSession build(CassandraSinkConfig config, List<InetSocketAddress> contactPoints) {
        ClassLoader classLoader = CassandraSessions.class.getClassLoader();
        return CqlSession.builder()
                .withConfigLoader(DriverConfigLoader.fromClasspath(CassandraSinkConfig.DRIVER_CONFIG, classLoader))
                .withClassLoader(classLoader)
                .addContactPoints(contactPoints)
                .withLocalDatacenter(config.localDc())
                .withApplicationName("gull-telemetry")
                .build();
    }

    /** Fails (closing the session) when no node is in {@code localDc}, instead of every write failing later. */
    private static void requireLocalDc(CqlSession session, String localDc) {
        try {
            LocalDatacenter.require(localDc, session.getMetadata().getNodes().values().stream()
                    .map(Node::getDatacenter).collect(Collectors.toList()));
        } catch (IllegalStateException e) {
            session.close();
            throw e;
        }
    }

    private static boolean anyAcceptsConnections(List<InetSocketAddress> contactPoints) {
        for (InetSocketAddress address : contactPoints) {
            if (address.isUnresolved()) {
                continue;
            }
            try (Socket socket = new Socket()) {
                socket.connect(address, PROBE_TIMEOUT_MS);
                return true;
            } catch (IOException e) {
                // try the next one
            }
        }
        return false;
    }
}
