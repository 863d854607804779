package io.gull.cli.devices;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import io.gull.cli.CliException;
import io.gull.cli.CommandContext;
import io.gull.cli.connect.ConnectionOptions;
import io.gull.cli.output.OutputFormat;
import io.gull.cli.output.ProgressText;
import io.gull.cli.output.ResultTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gull devices export [--output file.csv]}: the registry as CSV that {@code devices import} takes back. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write the registry as CSV (read from the start of gull.devices): device_id, tenant, "
                + "password_hash, created_at, updated_at and one meta.<key> column per metadata key. password_hash "
                + "is the stored salted PBKDF2 hash, never a password; devices import takes the file back with every "
                + "password unchanged. Keep the file private: a hash allows offline guessing of weak passwords."},
        footer = {"", "Examples:", "  ./gull devices export --output devices.csv     # created readable by you only",
                "  ./gull devices export > devices.csv",
                "  ./gull devices export --output backup.csv && ./gull devices import backup.csv"})
public final class DevicesExportCommand implements Runnable {
    private static final Duration READ_DEADLINE = Duration.ofSeconds(60);

    @Mixin
    CommandContext command;

    @Mixin
    ConnectionOptions connection;

    @Option(names = {"-o", "--output"}, paramLabel = "<file.csv>",
            description = "Write to this file (replaced if it exists, readable by its owner only); default: "
                    + "standard output.")
    Path output;

    @Override
    public void run() {
        if (output != null && Files.isDirectory(output)) {
            throw command.usageError("--output " + output + " is a directory");
        }
        DeviceRegistryReader.Snapshot snapshot =
                new DeviceRegistryReader(connection.resolve().kafka(), READ_DEADLINE).read();
        ResultTable table = DeviceCsvExport.table(snapshot.devices().values());
        String csv = OutputFormat.CSV.formatter().format(table);
        if (output == null) {
            command.out().print(csv);
            command.out().flush();
        } else {
            write(output, csv);
            command.printf("Exported %s device(s) to %s; it holds their password hashes, keep it private.%n",
                    ProgressText.count(table.rows().size()), output);
        }
        if (snapshot.undecodable() > 0) {
            command.warn("warning: skipped %d record(s) of gull.devices that are not device records%n",
                    snapshot.undecodable());
        }
    }

    /** Writes a private temp file next to the target, then moves it in place: never a half-written export. */
    private static void write(Path target, String csv) {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = null;
        try {
            temp = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                    ? Files.createTempFile(dir, ".gull-export-", ".csv",
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : Files.createTempFile(dir, ".gull-export-", ".csv");
            Files.writeString(temp, csv, StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            throw new CliException("Cannot write " + target + ": the directory " + dir + " does not exist", e);
        } catch (AccessDeniedException e) {
            throw new CliException("Cannot write " + target + ": permission denied", e);
        } catch (IOException e) {
            throw new CliException("Cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    // a leftover temp file is harmless
                }
            }
        }
    }
}
