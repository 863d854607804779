package io.gull.cli.output;

import java.util.List;

/**
 * A JSON array with one object per row, one row per line; keys are the column names. Numbers and booleans stay
 * JSON numbers and booleans (non-finite doubles become strings), {@code null} stays {@code null}, everything else
 * is a string.
 */
public final class JsonFormatter implements Formatter {

    @Override
    public String format(ResultTable table) {
        if (table.rows().isEmpty()) {
            return "[]\n";
        }
        List<String> columns = table.columns();
        StringBuilder out = new StringBuilder("[\n");
        for (int r = 0; r < table.rows().size(); r++) {
            List<Object> row = table.rows().get(r);
            out.append("  {");
            for (int c = 0; c < columns.size(); c++) {
                if (c > 0) {
                    out.append(", ");
                }
                appendString(out, columns.get(c));
                out.append(": ");
                appendValue(out, row.get(c));
            }
            out.append(r < table.rows().size() - 1 ? "},\n" : "}\n");
        }
        return out.append("]\n").toString();
    }

    private static void appendValue(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isFinite(d)) {
                out.append(value);
            } else {
                appendString(out, value.toString());
            }
        } else if (value instanceof Number) {
            out.append(value);
        } else {
            appendString(out, value.toString());
        }
    }

    static void appendString(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (ch < 0x20 || ch == 0x2028 || ch == 0x2029) {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        out.append('"');
    }
}
