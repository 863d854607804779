package io.gull.devstack.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kafka.tools.StorageTool;

/**
 * Prepares the broker's log directory: a cluster id kept in {@code <dataDir>/cluster.id} and a KRaft storage format
 * done once, so a restart on the same data dir keeps every topic and record.
 */
final class KafkaStorage {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaStorage.class);

    private final Path dataDir;

    KafkaStorage(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** Formats the log dir unless it already is; returns the cluster id. */
    String prepare(Properties serverProperties) throws IOException {
        Files.createDirectories(dataDir.resolve("data"));
        String clusterId = clusterId();
        Path propsFile = dataDir.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(propsFile)) {
            serverProperties.store(out, "written by Gull KafkaServerMain on every start; edit the launcher, not this file");
        }
        if (Files.exists(dataDir.resolve("data").resolve("meta.properties"))) {
            LOG.info("Kafka storage in {} already formatted (cluster id {})", dataDir.resolve("data"), clusterId);
            return clusterId;
        }
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int exit;
        try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            exit = StorageTool.execute(new String[] {"format", "-t", clusterId, "-c", propsFile.toString()}, out);
        }
        String output = captured.toString(StandardCharsets.UTF_8).trim();
        if (exit != 0) {
            throw new IOException("formatting Kafka storage in " + dataDir.resolve("data") + " failed (exit " + exit
                    + "): " + output);
        }
        LOG.info("Formatted Kafka storage in {} with cluster id {}", dataDir.resolve("data"), clusterId);
        return clusterId;
    }

    private String clusterId() throws IOException {
        Path file = dataDir.resolve("cluster.id");
        if (Files.exists(file)) {
            String id = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (!id.isEmpty()) {
                return id;
            }
        }
        String id = Uuid.randomUuid().toString();
        Files.writeString(file, id + "\n", StandardCharsets.UTF_8);
        return id;
    }
}
