package io.gull.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code cassandra.yaml} and {@code logback.xml} into Cassandra's data dir: one node, token 0, every
 * directory under the data dir, CQL and storage ports from the config, console logging at WARN (the launcher sends
 * the console to {@code logs/cassandra.log}).
 */
final class CassandraConfigWriter {
    static final String CLUSTER_NAME = "Gull dev";

    private final Path dir;

    CassandraConfigWriter(Path dir) {
        this.dir = dir;
    }

    Path yamlFile() {
        return dir.resolve("cassandra.yaml");
    }

    Path logbackFile() {
        return dir.resolve("logback.xml");
    }

    Path storageDir() {
        return dir.resolve("data");
    }

    Path triggersDir() {
        return dir.resolve("triggers");
    }

    void write(String bindHost, String connectHost, int nativePort, int storagePort) {
        try {
            Files.createDirectories(storageDir());
            Files.createDirectories(triggersDir());
            Files.writeString(yamlFile(), yaml(bindHost, connectHost, nativePort, storagePort), StandardCharsets.UTF_8);
            Files.writeString(logbackFile(), logback(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StackException("Cannot write Cassandra's configuration into " + dir + ": " + e.getMessage(), e);
        }
    }

    String yaml(String bindHost, String connectHost, int nativePort, int storagePort) {
        Path data = storageDir();
        StringBuilder y = new StringBuilder();
        y.append("# Written by Gull on every start; change the launcher (CassandraConfigWriter), not this file.\n");
        y.append("# A data dir remembers cluster_name and tokens: keep them as they are.\n");
        y.append("cluster_name: '").append(CLUSTER_NAME).append("'\n");
        y.append("num_tokens: 1\n");
        y.append("initial_token: 0\n");
        y.append("partitioner: org.apache.cassandra.dht.Murmur3Partitioner\n");
        y.append("endpoint_snitch: SimpleSnitch\n");
        y.append("seed_provider:\n");
        y.append("  - class_name: org.apache.cassandra.locator.SimpleSeedProvider\n");
        y.append("    parameters:\n");
        y.append("      - seeds: \"").append(connectHost).append(':').append(storagePort).append("\"\n");
        y.append("listen_address: ").append(connectHost).append('\n');
        y.append("rpc_address: ").append(bindHost).append('\n');
        if (!bindHost.equals(connectHost)) {
            y.append("broadcast_rpc_address: ").append(connectHost).append('\n');
        }
        y.append("storage_port: ").append(storagePort).append('\n');
        y.append("native_transport_port: ").append(nativePort).append('\n');
        y.append("start_native_transport: true\n");
        // group sync: a write is acknowledged only after the commitlog section holding it was synced, so a kill -9 of
        // Cassandra loses nothing it acknowledged. With periodic sync it does: a restart replays the commitlog only up
        // to the last sync marker, written every 100 ms, and the writes after it are gone (TelemetryFaultsTest).
        // One sync per 10 ms window serves every write that waits for it (docs/benchmarks.md, "Cassandra commitlog
        // sync"); a real cluster gets its durability from replicas instead (docs/operations.md)
        y.append("commitlog_sync: group\n");
        y.append("commitlog_sync_group_window: 10ms\n");
        y.append("memtable_heap_space: 64MiB\n");
        // a write waiting for the group's sync holds a request thread and a mutation thread for up to the window: as
        // many of each as the telemetry sink keeps writes in flight (128), or the window serves only a few writes.
        // Reads keep few threads: a dev box's cores hand each request between many spinning threads at a cost
        y.append("concurrent_reads: 4\n");
        y.append("concurrent_writes: 128\n");
        y.append("concurrent_counter_writes: 2\n");
        y.append("native_transport_max_threads: 128\n");
        y.append("data_file_directories:\n");
        y.append("  - ").append(data.resolve("data")).append('\n');
        y.append("commitlog_directory: ").append(data.resolve("commitlog")).append('\n');
        y.append("saved_caches_directory: ").append(data.resolve("saved_caches")).append('\n');
        y.append("hints_directory: ").append(data.resolve("hints")).append('\n');
        y.append("cdc_raw_directory: ").append(data.resolve("cdc_raw")).append('\n');
        return y.toString();
    }

    static String logback() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- Written by Gull: Cassandra logs to the console (the launcher sends it to logs/cassandra.log). -->
                <configuration scan="false">
                  <appender name="STDOUT" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder>
                      <pattern>%d{ISO8601} %-5level [%thread] %logger{1} - %msg%n</pattern>
                    </encoder>
                  </appender>
                  <!-- host checks (swap, limits, jemalloc) that do not matter on a dev machine -->
                  <logger name="org.apache.cassandra.service.StartupChecks" level="ERROR"/>
                  <logger name="org.apache.cassandra.service.CassandraDaemon" level="INFO"/>
                  <logger name="org.apache.cassandra.transport.Server" level="INFO"/>
                  <logger name="org.apache.cassandra.service.StorageService" level="INFO"/>
                  <root level="WARN">
                    <appender-ref ref="STDOUT"/>
                  </root>
                </configuration>
                """;
    }
}
