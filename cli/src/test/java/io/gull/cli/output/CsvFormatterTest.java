package io.gull.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvFormatterTest {
    private final CsvFormatter formatter = new CsvFormatter();

    @Test
    void shouldWriteHeaderAndRowsWithCrlf() {
        // given
        ResultTable table = ResultTable.builder("device_id", "qos", "retain").row("dev1", 1, true).build();

        // when / then
        assertThat(formatter.format(table)).isEqualTo("device_id,qos,retain\r\ndev1,1,true\r\n");
    }

    @Test
    void shouldQuoteFieldsWithCommasQuotesAndLineBreaks() {
        // given
        ResultTable table = ResultTable.builder("payload")
                .row("a,b").row("say \"hi\"").row("two\nlines").row("cr\rhere").row("plain").build();

        // when
        String csv = formatter.format(table);

        // then
        assertThat(csv).isEqualTo("payload\r\n\"a,b\"\r\n\"say \"\"hi\"\"\"\r\n"
                + "\"two\nlines\"\r\n\"cr\rhere\"\r\nplain\r\n");
    }

    @Test
    void shouldWriteNullAsEmptyField() {
        // given
        ResultTable table = ResultTable.builder("a", "b", "c").row(null, "x", null).build();

        // when / then
        assertThat(formatter.format(table)).isEqualTo("a,b,c\r\n,x,\r\n");
    }
}
