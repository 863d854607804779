package io.gull.cli.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV as RFC 4180 describes it and spreadsheets write it: fields separated by commas, records by CRLF, LF or
 * CR; a field in double quotes may hold commas, line breaks and doubled quotes ({@code ""}). A leading byte order
 * mark is dropped, and so are empty lines (a trailing line break, a blank line between records). Strict where
 * leniency would guess: a quote inside an unquoted field, text after a closing quote and an unclosed quote are
 * errors naming their line.
 */
public final class CsvParser {
    private static final char BOM = '\uFEFF';

    private CsvParser() {
    }

    /**
     * @return every record with the line it starts on
     * @throws CsvSyntaxException for text that is not CSV
     */
    public static List<CsvRecord> parse(CharSequence text) {
        return new Run(text).records();
    }

    /** The state of one parse: position and line in the text, the record and field being read. */
    private static final class Run {
        private final CharSequence text;
        private final List<CsvRecord> records = new ArrayList<>();
        private final StringBuilder field = new StringBuilder();
        private List<String> fields = new ArrayList<>();
        private int pos;
        private int line = 1;
        private int recordLine = 1;

        Run(CharSequence text) {
            this.text = text;
            this.pos = text.length() > 0 && text.charAt(0) == BOM ? 1 : 0;
        }

        List<CsvRecord> records() {
            while (pos < text.length()) {
                recordLine = line;
                readRecord();
            }
            return records;
        }

        /** Reads from the start of a line through its line break (or the end of the text). */
        private void readRecord() {
            if (atLineBreak()) {
                skipLineBreak(); // an empty line is no record
                return;
            }
            while (true) {
                readField();
                fields.add(field.toString());
                field.setLength(0);
                if (pos >= text.length() || atLineBreak()) {
                    if (pos < text.length()) {
                        skipLineBreak();
                    }
                    records.add(new CsvRecord(recordLine, fields));
                    fields = new ArrayList<>();
                    return;
                }
                pos++; // the comma
            }
        }

        /** Reads one field up to (not including) the comma, line break or end of text after it. */
        private void readField() {
            if (pos < text.length() && text.charAt(pos) == '"') {
                readQuotedField();
                return;
            }
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == ',' || c == '\r' || c == '\n') {
                    return;
                }
                if (c == '"') {
                    throw new CsvSyntaxException(line, "a '\"' inside an unquoted field (field " + (fields.size() + 1)
                            + "); put the field in double quotes and double the quote: \"a \"\"b\"\" c\"");
                }
                field.append(c);
                pos++;
            }
        }

        private void readQuotedField() {
            int opened = line;
            pos++; // the opening quote
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == '"') {
                    if (pos + 1 < text.length() && text.charAt(pos + 1) == '"') {
                        field.append('"');
                        pos += 2;
                        continue;
                    }
                    pos++; // the closing quote
                    if (pos < text.length() && text.charAt(pos) != ',' && !atLineBreak()) {
                        throw new CsvSyntaxException(line, "text after the closing quote of field "
                                + (fields.size() + 1) + "; a field is either all in quotes or not quoted");
                    }
                    return;
                }
                if (c == '\n' || (c == '\r' && !(pos + 1 < text.length() && text.charAt(pos + 1) == '\n'))) {
                    line++;
                }
                field.append(c);
                pos++;
            }
            throw new CsvSyntaxException(opened, "the quote that opens field " + (fields.size() + 1)
                    + " is never closed");
        }

        private boolean atLineBreak() {
            char c = text.charAt(pos);
            return c == '\r' || c == '\n';
        }

        private void skipLineBreak() {
            if (text.charAt(pos) == '\r' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n') {
                pos++;
            }
            pos++;
            line++;
        }
    }
}
