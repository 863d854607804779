package io.gull.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TableFormatterTest {
    private final TableFormatter formatter = new TableFormatter();

    @Test
    void shouldAlignColumnsUnderTheWidestValue() {
        // given
        ResultTable table = ResultTable.builder("device_id", "qos")
                .row("dev1", 1)
                .row("a-much-longer-id", null)
                .build();

        // when
        String text = formatter.format(table);

        // then
        assertThat(text).isEqualTo(""
                + "device_id         qos\n"
                + "----------------  ---\n"
                + "dev1              1\n"
                + "a-much-longer-id  \n"
                + "(2 rows)\n");
    }

    @Test
    void shouldKeepEachRowOnOneLineWhenValuesHoldLineBreaks() {
        // given
        ResultTable table = ResultTable.builder("payload").row("line1\nline2\ttab").build();

        // when
        String text = formatter.format(table);

        // then
        assertThat(text.split("\n")).containsExactly("payload", "-----------------", "line1\\nline2\\ttab", "(1 row)");
    }

    @Test
    void shouldPrintHeaderAndZeroCountForNoRows() {
        // given
        ResultTable table = ResultTable.builder("a", "b").build();

        // when / then
        assertThat(formatter.format(table)).isEqualTo("a  b\n-  -\n(0 rows)\n");
    }
}
