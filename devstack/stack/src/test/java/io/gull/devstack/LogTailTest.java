package io.gull.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {
    @TempDir
    Path dir;

    @Test
    void shouldShowOnlyTheLinesOfTheLatestRun() throws Exception {
        Path log = dir.resolve("kafka.log");
        Files.writeString(log, String.join("\n",
                "==== Gull kafka starting at 2026-01-01T00:00:00Z", "==== java -cp ... KafkaServerMain", "old run",
                "==== Gull kafka starting at 2026-01-02T00:00:00Z", "==== java -cp ... KafkaServerMain",
                "port 9092 is already in use", ""));

        assertThat(LogTail.lastLines(log, 10)).isEqualTo("    port 9092 is already in use");
    }

    @Test
    void shouldKeepOnlyTheLastLines() throws Exception {
        Path log = dir.resolve("edge.log");
        Files.writeString(log, "one\ntwo\nthree\n");

        assertThat(LogTail.lastLines(log, 2)).isEqualTo("    two\n    three");
    }

    @Test
    void shouldSayWhenTheLogCannotBeRead() {
        assertThat(LogTail.lastLines(dir.resolve("missing.log"), 5)).contains("cannot read");
    }
}
