package io.gull.cli.output;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rows to print: named columns and, per row, one value per column. Values are {@code null}, {@link String},
 * {@link Number} or {@link Boolean}; anything else is rendered with {@code toString()} by the formatters.
 */
public record ResultTable(List<String> columns, List<List<Object>> rows) {

    public ResultTable {
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException(
                        "row has " + row.size() + " values but there are " + columns.size() + " columns");
            }
            copy.add(java.util.Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = java.util.Collections.unmodifiableList(copy);
    }

    /** An empty table with these columns; add rows with {@link Builder}. */
    public static Builder builder(String... columns) {
        return new Builder(Arrays.asList(columns));
    }

    /** Collects rows, then {@link #build()}s the table. */
    public static final class Builder {
        private final List<String> columns;
        private final List<List<Object>> rows = new ArrayList<>();

        private Builder(List<String> columns) {
            this.columns = columns;
        }

        public Builder row(Object... values) {
            rows.add(Arrays.asList(values));
            return this;
        }

        public ResultTable build() {
            return new ResultTable(columns, rows);
        }
    }
}
