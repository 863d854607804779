package io.gull.cli.devices;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.gull.cli.csv.CsvRecord;

/**
 * The header line of an import file: which field holds which column. Names are matched ignoring case and surrounding
 * spaces; metadata keys ({@code meta.<key>}) keep their case. {@code device_id} and at least one of {@code password}
 * and {@code password_hash} are required; an unknown or repeated column is an error, so a typo such as
 * {@code pasword} is not silently ignored.
 */
final class ImportHeader {
    private final int width;
    private final Map<String, Integer> named;
    private final Map<String, Integer> metadata;

    private ImportHeader(int width, Map<String, Integer> named, Map<String, Integer> metadata) {
        this.width = width;
        this.named = named;
        this.metadata = metadata;
    }

    /** @throws IllegalArgumentException naming every problem of the header */
    static ImportHeader parse(CsvRecord header) {
        Map<String, Integer> named = new HashMap<>();
        Map<String, Integer> metadata = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String cell = header.fields().get(i).strip();
            String name = cell.toLowerCase(Locale.ROOT);
            if (name.startsWith(DeviceCsvColumns.META_PREFIX)) {
                String key = cell.substring(DeviceCsvColumns.META_PREFIX.length());
                if (metadata.putIfAbsent(key, i) != null) {
                    problems.add("column '" + cell + "' appears twice");
                }
            } else if (DeviceCsvColumns.NAMED.contains(name)) {
                if (named.putIfAbsent(name, i) != null) {
                    problems.add("column '" + name + "' appears twice");
                }
            } else {
                problems.add("unknown column '" + cell + "' (the columns are " + DeviceCsvColumns.accepted() + ")");
            }
        }
        if (!named.containsKey(DeviceCsvColumns.DEVICE_ID)) {
            problems.add("no " + DeviceCsvColumns.DEVICE_ID + " column");
        }
        if (!named.containsKey(DeviceCsvColumns.PASSWORD) && !named.containsKey(DeviceCsvColumns.PASSWORD_HASH)) {
            problems.add("no " + DeviceCsvColumns.PASSWORD + " column (or " + DeviceCsvColumns.PASSWORD_HASH
                    + ", as devices export writes it)");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new ImportHeader(header.fields().size(), Map.copyOf(named), metadata);
    }

    int width() {
        return width;
    }

    /** The field of a named column in this record; empty when the file has no such column. */
    Optional<String> field(CsvRecord record, String column) {
        Integer index = named.get(column);
        return index == null ? Optional.empty() : Optional.of(record.fields().get(index));
    }

    /** The metadata of a record: one entry per non-empty {@code meta.<key>} field. */
    Map<String, String> metadata(CsvRecord record) {
        Map<String, String> entries = new LinkedHashMap<>();
        metadata.forEach((key, index) -> {
            String value = record.fields().get(index);
            if (!value.isEmpty()) {
                entries.put(key, value);
            }
        });
        return entries;
    }
}
