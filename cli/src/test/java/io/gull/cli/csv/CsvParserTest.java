package io.gull.cli.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class CsvParserTest {

    @Test
    void shouldReadRecordsWithTheLineEachStartsOn() {
        // when
        List<CsvRecord> records = CsvParser.parse("device_id,password\r\ndev1,pw1\r\ndev2,pw2\r\n");

        // then
        assertThat(records).containsExactly(
                new CsvRecord(1, List.of("device_id", "password")),
                new CsvRecord(2, List.of("dev1", "pw1")),
                new CsvRecord(3, List.of("dev2", "pw2")));
    }

    @Test
    void shouldUnquoteFieldsHoldingCommasQuotesAndLineBreaks() {
        // given
        String text = "a,b,c\n\"x,y\",\"say \"\"hi\"\"\",\"two\nlines\"\nnext,,\"\"\n";

        // when
        List<CsvRecord> records = CsvParser.parse(text);

        // then the multi-line field moves the next record to line 4
        assertThat(records).containsExactly(
                new CsvRecord(1, List.of("a", "b", "c")),
                new CsvRecord(2, List.of("x,y", "say \"hi\"", "two\nlines")),
                new CsvRecord(4, List.of("next", "", "")));
    }

    @Test
    void shouldAcceptLfCrAndNoFinalLineBreak() {
        assertThat(CsvParser.parse("a\nb\rc")).extracting(CsvRecord::line).containsExactly(1, 2, 3);
        assertThat(CsvParser.parse("a,b")).containsExactly(new CsvRecord(1, List.of("a", "b")));
    }

    @Test
    void shouldDropAByteOrderMarkAndEmptyLinesButCountThem() {
        // given a spreadsheet's "CSV UTF-8" export with a blank line
        String text = "\uFEFFdevice_id,password\r\n\r\ndev1,pw\r\n\r\n";

        // when
        List<CsvRecord> records = CsvParser.parse(text);

        // then
        assertThat(records).containsExactly(
                new CsvRecord(1, List.of("device_id", "password")),
                new CsvRecord(3, List.of("dev1", "pw")));
    }

    @Test
    void shouldKeepSpacesAroundValues() {
        assertThat(CsvParser.parse(" a , b ").get(0).fields()).containsExactly(" a ", " b ");
    }

    @Test
    void shouldNameTheLineOfAQuoteThatIsNeverClosed() {
        assertThatThrownBy(() -> CsvParser.parse("a,b\nx,\"open\nstill open\n"))
                .isInstanceOf(CsvSyntaxException.class)
                .hasMessage("line 2: the quote that opens field 2 is never closed")
                .extracting(e -> ((CsvSyntaxException) e).line()).isEqualTo(2);
    }

    @Test
    void shouldRefuseAQuoteInsideAnUnquotedField() {
        assertThatThrownBy(() -> CsvParser.parse("a,b\nx,ab\"c\n"))
                .isInstanceOf(CsvSyntaxException.class)
                .hasMessageStartingWith("line 2: a '\"' inside an unquoted field (field 2)");
    }

    @Test
    void shouldRefuseTextAfterAClosingQuote() {
        assertThatThrownBy(() -> CsvParser.parse("a\n\"x\"y\n"))
                .isInstanceOf(CsvSyntaxException.class)
                .hasMessageStartingWith("line 2: text after the closing quote of field 1");
    }

    @Test
    void shouldReadNothingFromAnEmptyText() {
        assertThat(CsvParser.parse("")).isEmpty();
        assertThat(CsvParser.parse("\n\r\n")).isEmpty();
    }
}
