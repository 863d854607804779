package io.gull.flink.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shaded jar (built in 'package', checked in 'integration-test') holds what a Flink cluster lacks, and no more. */
class ShadedJarIT {
    private static final Path JAR = Path.of("target", "gull-flink-jobs.jar");
    private static List<String> entries;

    @BeforeAll
    static void readJar() throws IOException {
        assertThat(JAR).exists();
        try (JarFile jar = new JarFile(JAR.toFile())) {
            entries = jar.stream().map(ZipEntry::getName).collect(Collectors.toList());
        }
    }

    @Test
    void shouldContainTheJobsAndWhatTheyNeed() {
        assertThat(entries).contains(
                "io/gull/flink/SessionsJob.class",
                "io/gull/flink/TelemetryJob.class",
                "io/gull/schemas/Codecs.class",
                "cql/migrations.list",
                "gull-telemetry-cassandra.conf");
        assertThat(entries).anyMatch(e -> e.startsWith("io/gull/schemas/avro/"));
        assertThat(entries).anyMatch(e -> e.startsWith("org/apache/flink/connector/kafka/"));
        assertThat(entries).anyMatch(e -> e.startsWith("org/apache/flink/formats/avro/"));
        assertThat(entries).anyMatch(e -> e.startsWith("org/apache/kafka/clients/"));
        assertThat(entries).anyMatch(e -> e.startsWith("com/datastax/"));
        assertThat(entries).anyMatch(e -> e.startsWith("org/apache/avro/"));
    }

    @Test
    void shouldKeepTheCassandraDriversReferenceConf() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile());
                InputStream in = jar.getInputStream(jar.getEntry("reference.conf"))) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(text).contains("datastax-java-driver {").contains("basic.request");
        }
    }

    @Test
    void shouldLeaveOutWhatTheFlinkClusterProvides() {
        assertThat(entries).noneMatch(e -> e.startsWith("org/apache/flink/streaming/api/"));
        assertThat(entries).noneMatch(e -> e.startsWith("org/apache/flink/runtime/"));
        assertThat(entries).noneMatch(e -> e.startsWith("org/apache/flink/api/common/"));
        assertThat(entries).noneMatch(e -> e.startsWith("org/slf4j/"));
        assertThat(entries).noneMatch(e -> e.startsWith("org/apache/logging/log4j/"));
        assertThat(entries).noneMatch(e -> e.startsWith("org/rocksdb/"));
    }

    @Test
    void shouldNotCarryTestClasses() {
        assertThat(entries).noneMatch(e -> e.startsWith("io/gull/flink/testing/"));
        assertThat(Files.exists(JAR)).isTrue();
    }
}
