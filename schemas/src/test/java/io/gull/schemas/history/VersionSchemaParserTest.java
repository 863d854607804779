package io.gull.schemas.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class VersionSchemaParserTest {
    private static final String DECISION = "{\"type\":\"record\",\"name\":\"Decision\",\"namespace\":\"x\","
            + "\"fields\":[{\"name\":\"outcome\",\"type\":{\"type\":\"enum\",\"name\":\"Outcome\",\"symbols\":[\"OK\"]}}]}";
    private static final String MESSAGE = "{\"type\":\"record\",\"name\":\"Message\",\"namespace\":\"x\","
            + "\"fields\":[{\"name\":\"body\",\"type\":[\"x.Decision\"]}]}";
    private static final String AUDIT = "{\"type\":\"record\",\"name\":\"Audit\",\"namespace\":\"x\","
            + "\"fields\":[{\"name\":\"message\",\"type\":\"x.Message\"},{\"name\":\"outcome\",\"type\":\"x.Outcome\"}]}";

    @Test
    void parsesRecordsListedBeforeTheRecordsTheyName() {
        // given files listed dependents first
        Map<String, String> files = new LinkedHashMap<>();
        files.put("Audit.avsc", AUDIT);
        files.put("Message.avsc", MESSAGE);
        files.put("Decision.avsc", DECISION);

        // when
        Map<String, Schema> schemas = VersionSchemaParser.parse("1.0", files);

        // then every file's record is there, with its references resolved
        assertThat(schemas).containsOnlyKeys("x.Audit", "x.Message", "x.Decision");
        Schema body = schemas.get("x.Audit").getField("message").schema().getField("body").schema();
        assertThat(body.getTypes().get(0)).isEqualTo(schemas.get("x.Decision"));
    }

    @Test
    void refusesAVersionThatNamesARecordItDoesNotDefine() {
        Map<String, String> files = Map.of("Message.avsc", MESSAGE);

        assertThatThrownBy(() -> VersionSchemaParser.parse("1.0", files))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("1.0")
                .hasMessageContaining("Message.avsc")
                .hasMessageContaining("x.Decision");
    }

    @Test
    void refusesARecordDefinedInTwoFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("Decision.avsc", DECISION);
        files.put("Copy.avsc", DECISION);

        assertThatThrownBy(() -> VersionSchemaParser.parse("1.0", files))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("x.Decision");
    }
}
