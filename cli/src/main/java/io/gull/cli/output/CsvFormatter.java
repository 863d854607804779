package io.gull.cli.output;

import java.util.List;

/**
 * RFC 4180 CSV: a header row, CRLF line ends, fields quoted only when they hold a comma, a double quote, CR or LF
 * (double quotes doubled inside). {@code null} is an empty field.
 */
public final class CsvFormatter implements Formatter {
    private static final String CRLF = "\r\n";

    @Override
    public String format(ResultTable table) {
        StringBuilder out = new StringBuilder();
        appendRecord(out, List.copyOf(table.columns()));
        for (List<Object> row : table.rows()) {
            appendRecord(out, row);
        }
        return out.toString();
    }

    private static void appendRecord(StringBuilder out, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object value = values.get(i);
            out.append(field(value == null ? "" : value.toString()));
        }
        out.append(CRLF);
    }

    static String field(String text) {
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0
                || text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
