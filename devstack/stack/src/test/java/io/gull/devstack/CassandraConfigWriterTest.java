package io.gull.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CassandraConfigWriterTest {
    @TempDir
    Path dir;

    @Test
    void shouldPutPortsAndEveryDirectoryIntoTheYaml() throws Exception {
        CassandraConfigWriter writer = new CassandraConfigWriter(dir);

        writer.write("127.0.0.1", "127.0.0.1", 19042, 17000);

        String yaml = Files.readString(writer.yamlFile(), StandardCharsets.UTF_8);
        assertThat(yaml).contains("native_transport_port: 19042", "storage_port: 17000",
                "- seeds: \"127.0.0.1:17000\"", "listen_address: 127.0.0.1", "rpc_address: 127.0.0.1",
                "commitlog_directory: " + dir.resolve("data/commitlog"),
                "  - " + dir.resolve("data/data"), "hints_directory: " + dir.resolve("data/hints"),
                "cdc_raw_directory: " + dir.resolve("data/cdc_raw"),
                "saved_caches_directory: " + dir.resolve("data/saved_caches"))
                .doesNotContain("broadcast_rpc_address");
    }

    @Test
    void shouldAcknowledgeAWriteOnlyOnceItsCommitlogIsSynced() throws Exception {
        CassandraConfigWriter writer = new CassandraConfigWriter(dir);

        writer.write("127.0.0.1", "127.0.0.1", 19042, 17000);

        // periodic sync acknowledges writes that a kill -9 loses (TelemetryFaultsTest)
        assertThat(Files.readString(writer.yamlFile(), StandardCharsets.UTF_8))
                .contains("commitlog_sync: group\n", "commitlog_sync_group_window: 10ms\n")
                .doesNotContain("commitlog_sync: periodic");
    }

    @Test
    void shouldBroadcastLoopbackWhenClientsMayConnectOnAnyInterface() throws Exception {
        CassandraConfigWriter writer = new CassandraConfigWriter(dir);

        writer.write("0.0.0.0", "127.0.0.1", 9042, 7000);

        assertThat(Files.readString(writer.yamlFile(), StandardCharsets.UTF_8))
                .contains("rpc_address: 0.0.0.0", "broadcast_rpc_address: 127.0.0.1", "listen_address: 127.0.0.1");
    }

    @Test
    void shouldSilenceHostChecksInTheLogbackConfig() throws Exception {
        CassandraConfigWriter writer = new CassandraConfigWriter(dir);

        writer.write("127.0.0.1", "127.0.0.1", 9042, 7000);

        assertThat(Files.readString(writer.logbackFile(), StandardCharsets.UTF_8))
                .contains("<logger name=\"org.apache.cassandra.service.StartupChecks\" level=\"ERROR\"/>")
                .contains("<root level=\"WARN\">");
    }
}
