package io.gull.cli.csv;

import java.util.List;

/**
 * One record of a CSV file.
 *
 * @param line   the 1-based line of the file the record starts on (a quoted field may span lines)
 * @param fields its fields, unquoted
 */
public record CsvRecord(int line, List<String> fields) {
    public CsvRecord {
        fields = List.copyOf(fields);
    }
}
