package io.gull.schemas.evolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import io.gull.schemas.avro.DeviceRecord;
import io.gull.schemas.avro.Publish;
import io.gull.schemas.history.ReaderCompatibility;
import io.gull.schemas.history.SchemaHistory;

/**
 * The guard of the contract: today's schema of every record reads what every release wrote. A change to an
 * .avsc under src/main/avro that breaks this (a field without a default, a changed type, a removed union
 * branch or enum symbol without a default, a removed record) fails the build, naming record and field.
 */
class EveryRecordReadsEveryReleaseTest {

    @TestFactory
    Stream<DynamicTest> todaysSchemaReadsEveryReleasedWriterSchema() {
        return SchemaHistory.released().all().stream().map(writer -> DynamicTest.dynamicTest(
                writer.schema().getName() + " reads what " + writer.version() + " wrote",
                () -> assertThat(ReaderCompatibility.problems(current(writer.fullName()), writer))
                        .as("today's %s must read %s; add fields with defaults only (schemas/README.md)",
                                writer.schema().getName(), writer)
                        .isEmpty()));
    }

    @Test
    void theGuardNamesTheRecordAndTheFieldAddedWithoutADefault() {
        // given a Publish that gained a field without a default
        Schema broken = withFieldFirst(Publish.getClassSchema(), "{\"name\":\"priority\",\"type\":\"int\"}");

        // when it is checked against 0.1.0
        List<String> problems = ReaderCompatibility.problems(broken, SchemaHistory.released().of(Publish.class.getName()));

        // then
        assertThat(problems).singleElement().asString()
                .contains("io.gull.schemas.avro.Publish", "0.1.0", "field Publish.priority", "DEFAULT");
    }

    @Test
    void theGuardNamesANestedFieldWhoseTypeChanged() {
        // given a DeviceRecord whose credential's iterations became a string
        Schema broken = new Schema.Parser().parse(DeviceRecord.getClassSchema().toString()
                .replace("{\"name\":\"iterations\",\"type\":\"int\"}", "{\"name\":\"iterations\",\"type\":\"string\"}"));

        // when it is checked against 0.1.0
        List<String> problems = ReaderCompatibility.problems(broken,
                SchemaHistory.released().of(DeviceRecord.class.getName()));

        // then
        assertThat(problems).singleElement().asString()
                .contains("io.gull.schemas.avro.DeviceRecord", "field DeviceRecord.credential.iterations", "TYPE_MISMATCH");
    }

    /** Today's generated class of a released record; a released record may not disappear. */
    private static Schema current(String fullName) {
        try {
            return SpecificData.get().getSchema(Class.forName(fullName));
        } catch (ClassNotFoundException e) {
            return fail("%s was released but has no schema under src/main/avro any more; readers need it", fullName);
        }
    }

    private static Schema withFieldFirst(Schema schema, String fieldJson) {
        return new Schema.Parser().parse(schema.toString().replaceFirst("\"fields\":\\[", "\"fields\":[" + fieldJson + ","));
    }
}
