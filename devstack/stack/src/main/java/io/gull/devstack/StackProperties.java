package io.gull.devstack;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/** {@code <dataDir>/stack.properties}: the endpoints of the stack last started from a data dir. */
final class StackProperties {
    static final String FILE_NAME = "stack.properties";

    private final Properties properties;

    private StackProperties(Properties properties) {
        this.properties = properties;
    }

    static void write(StackConfig config) {
        Endpoints endpoints = Endpoints.of(config);
        Properties p = new Properties();
        p.setProperty("kafka.bootstrap", endpoints.kafkaBootstrap());
        p.setProperty("cassandra.contact-point", endpoints.cassandraContactPoint());
        p.setProperty("cassandra.local-dc", CassandraLauncher.LOCAL_DC);
        p.setProperty("cassandra.keyspace", config.keyspace());
        p.setProperty("flink.rest-url", endpoints.flinkRestUrl());
        p.setProperty("mqtt.url", endpoints.mqtt());
        p.setProperty("mqtt.port", Integer.toString(config.mqttPort()));
        p.setProperty("edge.id", config.edgeId());
        Path file = config.dataDir().resolve(FILE_NAME);
        Path tmp = config.dataDir().resolve(FILE_NAME + ".tmp");
        try {
            Files.createDirectories(config.dataDir());
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(out, "Endpoints of the Gull stack started from this directory (written by gull up)");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StackException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static Optional<StackProperties> read(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new StackException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        return Optional.of(new StackProperties(p));
    }

    Endpoints endpoints() {
        return new Endpoints(required("kafka.bootstrap"), required("cassandra.contact-point"),
                required("flink.rest-url"), required("mqtt.url"));
    }

    private String required(String key) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new StackException(FILE_NAME + " has no '" + key + "'; start the stack again to rewrite it");
        }
        return value.trim();
    }
}
