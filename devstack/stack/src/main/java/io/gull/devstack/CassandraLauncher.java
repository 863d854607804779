package io.gull.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Cassandra 5.0 ({@code cassandra-all}) in a JVM of its own, with the flags known to work on JDK 17 (see
 * shared/notes/embedded-servers.md). Ready once the CQL port accepts connections: native transport starts last.
 */
final class CassandraLauncher implements JavaServiceLauncher {
    static final String NAME = "cassandra";
    static final String LOCAL_DC = "datacenter1";
    private static final String MODULE = "devstack/cassandra-server";

    private final StackConfig config;
    private final JavaServer server;
    private final CassandraConfigWriter configWriter;

    CassandraLauncher(StackConfig config, StackLayout layout) {
        this.config = config;
        Path lib = layout.moduleTarget(MODULE).resolve("lib");
        this.server = new JavaServer(NAME, "Cassandra", layout, List.of(lib + "/*"), List.of(lib),
                "org.apache.cassandra.service.CassandraDaemon", Duration.ofSeconds(180), Duration.ofSeconds(30));
        this.configWriter = new CassandraConfigWriter(server.dataDir());
    }

    @Override
    public JavaServer server() {
        return server;
    }

    @Override
    public List<PortUse> ports() {
        return List.of(new PortUse(config.bindHost(), config.cassandraPort(), "Cassandra"),
                new PortUse(config.connectHost(), config.cassandraStoragePort(), "Cassandra storage"));
    }

    @Override
    public ServiceSpec prepare() {
        int javaVersion = Runtime.version().feature();
        if (javaVersion != 11 && javaVersion != 17) {
            throw new StackException("Cassandra 5.0 runs on Java 11 or 17, but this is Java " + javaVersion
                    + " (" + System.getProperty("java.home") + "); set JAVA_HOME to a JDK 17");
        }
        configWriter.write(config.bindHost(), config.connectHost(), config.cassandraPort(), config.cassandraStoragePort());
        List<String> jvm = List.of(
                "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
                "--add-opens", "java.base/jdk.internal.ref=ALL-UNNAMED",
                "--add-opens", "java.base/java.io=ALL-UNNAMED",
                "-Dcassandra-foreground=yes",
                "-Dcassandra.config=" + configWriter.yamlFile().toUri(),
                "-Dcassandra.storagedir=" + configWriter.storageDir(),
                "-Dcassandra.logdir=" + server.layout().logsDir(),
                "-Dcassandra.triggers_dir=" + configWriter.triggersDir(),
                "-Dcassandra.ring_delay_ms=0",
                "-Dcassandra.skip_wait_for_gossip_to_settle=0",
                "-Dcassandra.superuser_setup_delay_ms=0",
                "-Dcassandra.shutdown_announce_in_ms=0",
                "-Dcassandra.libjemalloc=-",
                "-Dlogback.configurationFile=" + configWriter.logbackFile().toUri());
        return server.spec("512m", "512m", jvm, List.of());
    }

    @Override
    public String endpoint() {
        return contactPoint();
    }

    String contactPoint() {
        return config.connectHost() + ":" + config.cassandraPort();
    }

    @Override
    public boolean isReady() {
        return PortCheck.accepts(config.connectHost(), config.cassandraPort());
    }
}
