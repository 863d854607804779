package io.gull.cli.devices;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.gull.cli.csv.CsvParser;
import io.gull.cli.csv.CsvRecord;
import io.gull.cli.csv.CsvSyntaxException;
import io.gull.schemas.PasswordHashing;
import io.gull.schemas.avro.PasswordCredential;

/**
 * Reads and checks a whole import file before anything is written: the header, then every row. Each row needs a
 * valid device id and exactly one of a password and a stored hash; tenant, timestamps and metadata are optional. A
 * device id twice in the file is a problem of its later row.
 */
final class ImportFile {

    /**
     * What the file holds.
     *
     * @param rows       the valid rows, in file order
     * @param problems   the invalid rows, each with its line
     * @param weakHashes how many stored hashes use fewer iterations than this release hashes with
     */
    record Contents(List<ImportRow> rows, List<Problem> problems, int weakHashes) {
        Contents {
            rows = List.copyOf(rows);
            problems = List.copyOf(problems);
        }
    }

    /** An invalid row: its line and everything wrong with it. */
    record Problem(int line, String message) {
        @Override
        public String toString() {
            return "line " + line + ": " + message;
        }
    }

    private ImportFile() {
    }

    /**
     * @throws IllegalArgumentException when the file as a whole cannot be read as devices: not CSV, no header, a bad
     *                                  header (the message names the line)
     */
    static Contents parse(CharSequence text) {
        List<CsvRecord> records;
        try {
            records = CsvParser.parse(text);
        } catch (CsvSyntaxException e) {
            throw new IllegalArgumentException("not valid CSV: " + e.getMessage(), e);
        }
        if (records.isEmpty()) {
            throw new IllegalArgumentException("the file is empty; it needs a header line such as "
                    + DeviceCsvColumns.DEVICE_ID + "," + DeviceCsvColumns.PASSWORD + " and one line per device");
        }
        ImportHeader header;
        try {
            header = ImportHeader.parse(records.get(0));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("line " + records.get(0).line() + " (the header): " + e.getMessage(), e);
        }
        List<ImportRow> rows = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int weak = 0;
        for (CsvRecord record : records.subList(1, records.size())) {
            List<String> wrong = new ArrayList<>();
            Optional<ImportRow> row = row(header, record, wrong);
            if (row.isPresent()) {
                Integer first = seen.putIfAbsent(row.get().deviceId(), record.line());
                if (first != null) {
                    wrong.add("device " + row.get().deviceId() + " is already on line " + first);
                }
            }
            if (wrong.isEmpty()) {
                rows.add(row.orElseThrow());
                weak += row.get().credential()
                        .filter(c -> c.getIterations() < PasswordHashing.DEFAULT_ITERATIONS).isPresent() ? 1 : 0;
            } else {
                problems.add(new Problem(record.line(), String.join("; ", wrong)));
            }
        }
        return new Contents(rows, problems, weak);
    }

    /** The row, or empty with {@code wrong} saying why. */
    private static Optional<ImportRow> row(ImportHeader header, CsvRecord record, List<String> wrong) {
        if (record.fields().size() != header.width()) {
            wrong.add(record.fields().size() + " field(s) where the header has " + header.width()
                    + " (a missing or extra comma, or a value with a comma that is not in double quotes?)");
            return Optional.empty();
        }
        String deviceId = header.field(record, DeviceCsvColumns.DEVICE_ID).orElseThrow();
        try {
            DeviceIds.validate(deviceId);
        } catch (IllegalArgumentException e) {
            wrong.add(e.getMessage());
        }
        Optional<String> password = header.field(record, DeviceCsvColumns.PASSWORD).filter(p -> !p.isEmpty());
        Optional<String> hash = header.field(record, DeviceCsvColumns.PASSWORD_HASH).filter(h -> !h.isEmpty());
        Optional<PasswordCredential> credential = Optional.empty();
        if (password.isPresent() && hash.isPresent()) {
            wrong.add("both " + DeviceCsvColumns.PASSWORD + " and " + DeviceCsvColumns.PASSWORD_HASH
                    + " are set; give one");
        } else if (password.isEmpty() && hash.isEmpty()) {
            wrong.add("no password (fill in " + DeviceCsvColumns.PASSWORD + " or " + DeviceCsvColumns.PASSWORD_HASH
                    + ")");
        } else if (hash.isPresent()) {
            try {
                credential = Optional.of(StoredCredentials.parse(hash.get()));
            } catch (IllegalArgumentException e) {
                wrong.add(DeviceCsvColumns.PASSWORD_HASH + ": " + e.getMessage());
            }
        }
        String tenant = header.field(record, DeviceCsvColumns.TENANT).filter(t -> !t.isEmpty())
                .orElse(DeviceRecords.DEFAULT_TENANT);
        if (tenant.isBlank()) {
            wrong.add(DeviceCsvColumns.TENANT + " must not be blank (leave it empty for '"
                    + DeviceRecords.DEFAULT_TENANT + "')");
        }
        Optional<Instant> createdAt = instant(header, record, DeviceCsvColumns.CREATED_AT, wrong);
        Optional<Instant> updatedAt = instant(header, record, DeviceCsvColumns.UPDATED_AT, wrong);
        if (!wrong.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ImportRow(record.line(), deviceId, hash.isPresent() ? Optional.empty() : password,
                credential, tenant, header.metadata(record), createdAt, updatedAt));
    }

    private static Optional<Instant> instant(ImportHeader header, CsvRecord record, String column,
            List<String> wrong) {
        Optional<String> text = header.field(record, column).filter(t -> !t.isEmpty());
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text.get()));
        } catch (DateTimeParseException e) {
            wrong.add(column + " must be an ISO-8601 instant such as 2026-11-25T07:24:57.735Z, got '" + text.get()
                    + "'");
            return Optional.empty();
        }
    }
}
