package io.gull.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Cassandra 5.0 ({@code cassandra-all}) in a JVM of its own, with the flags known to work on JDK 17 (see
 * shared/notes/embedded-servers.md). Ready once the CQL port accepts connections: native transport starts last.
 */
final class CassandraLauncher implements ServiceLauncher {
    static final String NAME = "cassandra";
    static final String LOCAL_DC = "datacenter1";
    private static final String MODULE = "devstack/cassandra-server";

    private final StackConfig config;
    private final StackLayout layout;
    private final CassandraConfigWriter configWriter;

    CassandraLauncher(StackConfig config, StackLayout layout) {
        this.config = config;
        this.layout = layout;
        this.configWriter = new CassandraConfigWriter(layout.serviceDataDir(NAME));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String displayName() {
        return "Cassandra";
    }

    @Override
    public List<PortUse> ports() {
        return List.of(new PortUse(config.bindHost(), config.cassandraPort(), "Cassandra"),
                new PortUse(config.connectHost(), config.cassandraStoragePort(), "Cassandra storage"));
    }

    @Override
    public List<Path> artifacts() {
        return List.of(layout.moduleTarget(MODULE).resolve("lib"));
    }

    @Override
    public ServiceSpec prepare() {
        int javaVersion = Runtime.version().feature();
        if (javaVersion != 11 && javaVersion != 17) {
            throw new StackException("Cassandra 5.0 runs on Java 11 or 17, but this is Java " + javaVersion
                    + " (" + System.getProperty("java.home") + "); set JAVA_HOME to a JDK 17");
        }
        configWriter.write(config.bindHost(), config.connectHost(), config.cassandraPort(), config.cassandraStoragePort());
        Path dir = layout.serviceDataDir(NAME);
        List<String> jvm = List.of(ServiceSpec.markerFlag(NAME), "-Xms512m", "-Xmx512m",
                "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
                "--add-opens", "java.base/jdk.internal.ref=ALL-UNNAMED",
                "--add-opens", "java.base/java.io=ALL-UNNAMED",
                "-XX:+ExitOnOutOfMemoryError",
                "-Dcassandra-foreground=yes",
                "-Dcassandra.config=" + configWriter.yamlFile().toUri(),
                "-Dcassandra.storagedir=" + configWriter.storageDir(),
                "-Dcassandra.logdir=" + layout.logsDir(),
                "-Dcassandra.triggers_dir=" + configWriter.triggersDir(),
                "-Dcassandra.ring_delay_ms=0",
                "-Dcassandra.skip_wait_for_gossip_to_settle=0",
                "-Dcassandra.superuser_setup_delay_ms=0",
                "-Dcassandra.shutdown_announce_in_ms=0",
                "-Dcassandra.libjemalloc=-",
                "-Dlogback.configurationFile=" + configWriter.logbackFile().toUri(),
                "-Djava.awt.headless=true");
        return new ServiceSpec(NAME,
                new JavaCommand(jvm, List.of(layout.moduleTarget(MODULE).resolve("lib") + "/*"),
                        "org.apache.cassandra.service.CassandraDaemon", List.of()),
                dir, layout.logFile(NAME), layout.pidFile(NAME));
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
        return PortCheck.accepts(config.connectHost(), config.cassandraPort(), 500);
    }

    @Override
    public Duration startTimeout() {
        return Duration.ofSeconds(180);
    }

    @Override
    public Duration stopGrace() {
        return Duration.ofSeconds(30);
    }
}
