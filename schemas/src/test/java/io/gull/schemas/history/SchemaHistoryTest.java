package io.gull.schemas.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;

import io.gull.schemas.avro.AuthDecision;
import io.gull.schemas.avro.EdgeMessage;

class SchemaHistoryTest {
    private static final Path SOURCE = Path.of("src/main/resources", SchemaHistory.DIRECTORY);

    @Test
    void keepsTheWriterSchemasOfRelease010ByFullName() {
        SchemaHistory history = SchemaHistory.released();

        assertThat(history.versions()).startsWith("0.1.0");
        assertThat(history.recordNames()).contains(
                "io.gull.schemas.avro.Publish", "io.gull.schemas.avro.SessionEvent", "io.gull.schemas.avro.AuthRequest",
                "io.gull.schemas.avro.EdgeMessage", "io.gull.schemas.avro.AuthDecision", "io.gull.schemas.avro.DeviceRecord");
        assertThat(history.of("io.gull.schemas.avro.Publish")).extracting(HistoricSchema::version).startsWith("0.1.0");
        assertThat(history.of("io.gull.schemas.avro.Subscription")).isEmpty();
    }

    @Test
    void eachVersionResolvesNamesWithinItselfSoA010EdgeMessageHoldsA010AuthDecision() {
        // given the 0.1.0 EdgeMessage, which names AuthDecision
        Schema body = SchemaHistory.released().of(EdgeMessage.class.getName(), "0.1.0").schema().getField("body").schema();

        // then its branch is the AuthDecision of 0.1.0, not today's
        assertThat(body.getTypes()).singleElement()
                .isEqualTo(SchemaHistory.released().of(AuthDecision.class.getName(), "0.1.0").schema());
        assertThat(body.getTypes().get(0).getField("sessionPresent")).isNull();
    }

    @Test
    void aChangedRecordHasAnotherFingerprintThanToday() {
        HistoricSchema edgeMessage010 = SchemaHistory.released().of(EdgeMessage.class.getName(), "0.1.0");

        assertThat(edgeMessage010.fingerprint())
                .isNotEqualTo(SchemaNormalization.parsingFingerprint64(EdgeMessage.getClassSchema()));
    }

    @Test
    void theIndexListsEveryVersionDirectoryAndEachDirectoryListsEveryFileItHolds() throws IOException {
        // given the history as committed
        List<String> directories;
        try (Stream<Path> entries = Files.list(SOURCE)) {
            directories = entries.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }

        // then versions.list names exactly the version directories
        assertThat(ClasspathText.readList(SchemaHistory.DIRECTORY + "/versions.list"))
                .containsExactlyInAnyOrderElementsOf(directories);
        // and each schemas.list names exactly its directory's .avsc files
        for (String version : directories) {
            List<String> files;
            try (Stream<Path> entries = Files.list(SOURCE.resolve(version))) {
                files = entries.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".avsc")).toList();
            }
            assertThat(ClasspathText.readList(SchemaHistory.DIRECTORY + "/" + version + "/schemas.list"))
                    .as("avro/history/%s/schemas.list", version)
                    .containsExactlyInAnyOrderElementsOf(files);
        }
    }

    @Test
    void loadsAnotherLayoutTheSameWay() {
        SchemaHistory empty = SchemaHistory.load("avro/history-empty");

        assertThat(empty.versions()).isEmpty();
        assertThat(empty.all()).isEmpty();
    }
}
