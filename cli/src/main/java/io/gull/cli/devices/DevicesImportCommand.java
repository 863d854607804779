package io.gull.cli.devices;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.gull.cli.CliException;
import io.gull.cli.CommandContext;
import io.gull.cli.InvalidInputException;
import io.gull.cli.connect.ConnectionOptions;
import io.gull.cli.connect.KafkaBatchWriter;
import io.gull.cli.output.ProgressReport;
import io.gull.cli.output.ProgressText;
import io.gull.schemas.PasswordHashing;
import io.gull.schemas.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gull devices import <file.csv> [--skip-invalid] [--dry-run]}: bulk provisioning. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Add or replace many devices from a CSV file with a header line. Every row is checked "
                + "first; when any is invalid, the invalid rows are listed and nothing is written (unless "
                + "--skip-invalid). Passwords are hashed on every core (salted PBKDF2, as devices add) and the records "
                + "written through one batching producer; the command returns once Kafka acknowledged each one."},
        footer = {"", "Columns (names in any case, in any order):",
                "  device_id        required; an MQTT client id",
                "  password         the device's password, hashed on import",
                "  password_hash    or the stored hash devices export wrote (one of the two)",
                "  tenant           default: default",
                "  created_at, updated_at   ISO-8601 instants; default: now",
                "  meta.<key>       one column per metadata entry; an empty cell is no entry",
                "", "Example file:", "  device_id,password,tenant,meta.site", "  sensor-1,s3cret,acme,lab",
                "  sensor-2,\"pw,with,commas\",acme,",
                "", "Examples:", "  ./gull devices import devices.csv",
                "  ./gull devices import devices.csv --dry-run      # check the file only",
                "  ./gull devices export --output backup.csv && ./gull devices import backup.csv"})
public final class DevicesImportCommand implements Runnable {
    /** How many invalid rows are listed; the rest are counted. */
    static final int LISTED_PROBLEMS = 20;

    @Mixin
    CommandContext command;

    @Mixin
    ConnectionOptions connection;

    @Parameters(index = "0", paramLabel = "<file.csv>", description = "The CSV file; - reads standard input.")
    String file;

    @Option(names = "--skip-invalid",
            description = "Import the valid rows even when some are invalid (those are listed and skipped).")
    boolean skipInvalid;

    @Option(names = "--dry-run", description = "Check the file and say what would be imported; write nothing.")
    boolean dryRun;

    @Override
    public void run() {
        String name = "-".equals(file) ? "standard input" : file;
        ImportFile.Contents contents;
        try {
            contents = ImportFile.parse(read());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(name + ": " + e.getMessage() + "; nothing was imported", e);
        }
        reportProblems(name, contents.problems());
        if (contents.weakHashes() > 0) {
            command.warn("warning: %s row(s) carry a password_hash with fewer than %d iterations; those devices keep "
                    + "the weaker hash until their password is set again (devices add)%n",
                    count(contents.weakHashes()), PasswordHashing.DEFAULT_ITERATIONS);
        }
        List<ImportRow> rows = contents.rows();
        int skipped = contents.problems().size();
        if (rows.isEmpty()) {
            command.printf("%s: nothing to import (no %sdevice rows).%n", name, skipped > 0 ? "valid " : "");
            return;
        }
        if (dryRun) {
            long plain = rows.stream().filter(r -> r.password().isPresent()).count();
            command.printf("%s: %s device(s) would be imported (%s password(s) to hash, %s stored hash(es)), "
                    + "%s skipped; nothing was written (--dry-run).%n", name, count(rows.size()), count(plain),
                    count(rows.size() - plain), count(skipped));
            return;
        }
        Instant now = command.clock().instant();
        ImportTally.Counts counts;
        try (KafkaBatchWriter writer = KafkaBatchWriter.open(connection.resolve().kafka(), Topics.DEVICES)) {
            ProgressReport progress = ProgressReport.to(command.err(),
                    command.environment().stderrTerminal(), "devices");
            counts = new DeviceImporter(writer, Runtime.getRuntime().availableProcessors(), command.clock())
                    .run(rows, now, progress);
        }
        Duration took = Duration.between(now, command.clock().instant());
        command.printf("%s: %s imported, %s skipped%s, %s failed (%.1f s, %s devices/s).%n", name,
                count(counts.imported()), count(skipped), skipped > 0 ? " (invalid rows, listed above)" : "",
                count(counts.failed()), took.toMillis() / 1000.0,
                count(Math.round(counts.imported() * 1000.0 / Math.max(1, took.toMillis()))));
        if (counts.failed() > 0) {
            throw new CliException(count(counts.failed()) + " device(s) were not imported (" + String.join(", ",
                    counts.failedIds()) + (counts.failed() > counts.failedIds().size() ? ", ..." : "")
                    + "); first error: " + counts.firstFailure()
                    + ". Re-running the import is safe: each row replaces its device.");
        }
    }

    private void reportProblems(String name, List<ImportFile.Problem> problems) {
        if (problems.isEmpty()) {
            return;
        }
        for (ImportFile.Problem problem : problems.subList(0, Math.min(LISTED_PROBLEMS, problems.size()))) {
            command.warn("%s: %s%n", name, problem);
        }
        if (problems.size() > LISTED_PROBLEMS) {
            command.warn("%s: ... and %s more invalid row(s)%n", name, count(problems.size() - LISTED_PROBLEMS));
        }
        if (!skipInvalid) {
            throw new InvalidInputException(name + " has " + count(problems.size()) + " invalid row(s), listed above; "
                    + "nothing was imported. Fix them, or import the valid rows with --skip-invalid");
        }
    }

    private String read() {
        try {
            if ("-".equals(file)) {
                InputStream in = System.in;
                return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(in.readAllBytes())).toString();
            }
            Path path = Path.of(file);
            if (Files.isDirectory(path)) {
                throw new InvalidInputException(file + " is a directory, not a CSV file");
            }
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("Cannot read " + file + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new InvalidInputException("Cannot read " + file + ": permission denied", e);
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(file + " is not UTF-8 text (save it as CSV UTF-8)", e);
        } catch (IOException e) {
            throw new InvalidInputException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String count(long n) {
        return ProgressText.count(n);
    }
}
