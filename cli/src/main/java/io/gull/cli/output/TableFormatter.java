package io.gull.cli.output;

import java.util.ArrayList;
import java.util.List;

/**
 * Aligned, left-justified columns with a header line and a row count, e.g.
 * <pre>
 * device_id  tenant
 * ---------  -------
 * dev1       default
 * (1 row)
 * </pre>
 * Line breaks and tabs inside values are shown as {@code \n}, {@code \r}, {@code \t} so each row stays on one line;
 * {@code null} is shown as an empty cell.
 */
public final class TableFormatter implements Formatter {
    private static final String GAP = "  ";

    @Override
    public String format(ResultTable table) {
        List<String> columns = table.columns();
        List<List<String>> cells = new ArrayList<>();
        for (List<Object> row : table.rows()) {
            List<String> rendered = new ArrayList<>(row.size());
            for (Object value : row) {
                rendered.add(render(value));
            }
            cells.add(rendered);
        }
        int[] widths = new int[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = width(columns.get(i));
            for (List<String> row : cells) {
                widths[i] = Math.max(widths[i], width(row.get(i)));
            }
        }
        StringBuilder out = new StringBuilder();
        appendLine(out, columns, widths);
        List<String> rule = new ArrayList<>(widths.length);
        for (int width : widths) {
            rule.add("-".repeat(width));
        }
        appendLine(out, rule, widths);
        for (List<String> row : cells) {
            appendLine(out, row, widths);
        }
        int count = table.rows().size();
        out.append('(').append(count).append(count == 1 ? " row)" : " rows)").append('\n');
        return out.toString();
    }

    private static void appendLine(StringBuilder out, List<String> values, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                line.append(GAP);
            }
            String value = values.get(i);
            line.append(value);
            if (i < values.size() - 1) {
                line.append(" ".repeat(widths[i] - width(value)));
            }
        }
        out.append(line).append('\n');
    }

    private static String render(Object value) {
        if (value == null) {
            return "";
        }
        return value.toString().replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
    }

    private static int width(String text) {
        return text.codePointCount(0, text.length());
    }
}
