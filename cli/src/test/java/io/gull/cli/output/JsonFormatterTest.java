package io.gull.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonFormatterTest {
    private final JsonFormatter formatter = new JsonFormatter();

    @Test
    void shouldWriteAnArrayOfObjectsKeyedByColumn() {
        // given
        ResultTable table = ResultTable.builder("device_id", "qos", "retain", "edge_id")
                .row("dev1", 1, false, null)
                .row("dev2", 0, true, "edge-1")
                .build();

        // when
        String json = formatter.format(table);

        // then
        assertThat(json).isEqualTo("[\n"
                + "  {\"device_id\": \"dev1\", \"qos\": 1, \"retain\": false, \"edge_id\": null},\n"
                + "  {\"device_id\": \"dev2\", \"qos\": 0, \"retain\": true, \"edge_id\": \"edge-1\"}\n"
                + "]\n");
    }

    @Test
    void shouldEscapeQuotesBackslashesAndControlCharacters() {
        // given
        ResultTable table = ResultTable.builder("payload").row("\"q\" \\ \n\t\u0001\u2028").build();

        // when
        String json = formatter.format(table);

        // then
        assertThat(json).contains("{\"payload\": \"\\\"q\\\" \\\\ \\n\\t\\u0001\\u2028\"}");
    }

    @Test
    void shouldWriteEmptyArrayForNoRows() {
        assertThat(formatter.format(ResultTable.builder("a").build())).isEqualTo("[]\n");
    }

    @Test
    void shouldWriteNonFiniteNumbersAsStrings() {
        // given
        ResultTable table = ResultTable.builder("x", "y").row(Double.NaN, 2.5).build();

        // when / then
        assertThat(formatter.format(table)).contains("{\"x\": \"NaN\", \"y\": 2.5}");
    }
}
