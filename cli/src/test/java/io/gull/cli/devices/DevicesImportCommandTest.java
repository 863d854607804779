package io.gull.cli.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.gull.cli.CliEnvironment;
import io.gull.cli.GullCli;
import picocli.CommandLine;

/**
 * {@code devices import} and {@code export} on bad input and without Kafka: one clear message, no stack trace, exit 2
 * for input to fix (nothing was written), exit 1 when Kafka cannot be reached. What they write is checked against a
 * real Kafka in {@link DevicesImportExportKafkaTest}.
 */
class DevicesImportCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CliEnvironment environment = new CliEnvironment(dir, Optional.empty(), false, Clock.systemUTC());
        CommandLine commandLine = GullCli.commandLine(environment);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void shouldSayWhenTheFileDoesNotExist() {
        // when
        int exit = run("devices", "import", dir.resolve("nope.csv").toString(), "--kafka", "127.0.0.1:1");

        // then
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("error: Cannot read " + dir.resolve("nope.csv") + ": no such file");
    }

    @Test
    void shouldListTheInvalidRowsAndWriteNothing() throws IOException {
        // given
        Path csv = file("devices.csv", "device_id,password\ndev1,pw\nbad/id,pw\ndev3,\n");

        // when Kafka is not even there: the file is refused before anything connects
        int exit = run("devices", "import", csv.toString(), "--kafka", "127.0.0.1:1");

        // then
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).isEqualTo(csv + ": line 3: device id must not contain '/' (MQTT wildcard/separator):"
                + " bad/id\n" + csv + ": line 4: no password (fill in password or password_hash)\n"
                + "error: " + csv + " has 2 invalid row(s), listed above; nothing was imported. Fix them, or import"
                + " the valid rows with --skip-invalid\n");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void shouldListTwentyInvalidRowsAndCountTheRest() throws IOException {
        // given
        StringBuilder text = new StringBuilder("device_id,password\n");
        for (int i = 0; i < 25; i++) {
            text.append("bad#").append(i).append(",pw\n");
        }

        // when
        int exit = run("devices", "import", file("bad.csv", text.toString()).toString(), "--kafka", "127.0.0.1:1");

        // then
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().lines()).hasSize(22)
                .contains(dir.resolve("bad.csv") + ": ... and 5 more invalid row(s)");
    }

    @Test
    void shouldRefuseAFileWithoutTheRequiredColumns() throws IOException {
        // when
        int exit = run("devices", "import", file("x.csv", "id,secret\na,b\n").toString(), "--kafka", "127.0.0.1:1");

        // then
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: " + dir.resolve("x.csv") + ": line 1 (the header): unknown column"
                + " 'id'").endsWith("; nothing was imported\n").doesNotContain("\tat ");
    }

    @Test
    void shouldRefuseADirectoryAndTextThatIsNotUtf8() throws IOException {
        // given
        Path latin1 = Files.write(dir.resolve("latin1.csv"),
                "device_id,password\nd\u00e9v,pw\n".getBytes(StandardCharsets.ISO_8859_1));

        // when
        int directoryExit = run("devices", "import", dir.toString(), "--kafka", "127.0.0.1:1");
        int latin1Exit = run("devices", "import", latin1.toString(), "--kafka", "127.0.0.1:1");

        // then
        assertThat(directoryExit).isEqualTo(2);
        assertThat(latin1Exit).isEqualTo(2);
        assertThat(err.toString()).contains("error: " + dir + " is a directory, not a CSV file",
                "error: " + latin1 + " is not UTF-8 text (save it as CSV UTF-8)");
    }

    @Test
    void shouldCheckTheFileOnlyInADryRun() throws IOException {
        // given
        Path csv = file("devices.csv", "device_id,password,password_hash\ndev1,pw,\ndev2,pw,\nbad id,pw,\n");

        // when
        int exit = run("devices", "import", csv.toString(), "--dry-run", "--skip-invalid", "--kafka", "127.0.0.1:1");

        // then
        assertThat(exit).isZero();
        assertThat(out.toString()).isEqualTo(csv + ": 2 device(s) would be imported (2 password(s) to hash, 0 stored"
                + " hash(es)), 1 skipped; nothing was written (--dry-run).\n");
        assertThat(err.toString()).contains("line 4: device id must not contain whitespace");
    }

    @Test
    void shouldReadStandardInputForADash() {
        InputStream stdin = System.in;
        try {
            // given
            System.setIn(new ByteArrayInputStream("device_id,password\ndev1,pw\n".getBytes(StandardCharsets.UTF_8)));

            // when
            int exit = run("devices", "import", "-", "--dry-run");

            // then
            assertThat(exit).isZero();
            assertThat(out.toString()).startsWith("standard input: 1 device(s) would be imported");
        } finally {
            System.setIn(stdin);
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldFailInOneLineBeforeHashingAnythingWhenKafkaIsDown() throws IOException {
        // given
        int port = freePort();
        Path csv = file("devices.csv", "device_id,password\ndev1,pw\n");

        // when
        int exit = run("devices", "import", csv.toString(), "--kafka", "127.0.0.1:" + port);

        // then
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo(
                "error: Cannot reach Kafka at 127.0.0.1:" + port + " \u2014 is the stack running? ./gull up -d");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldFailInOneLineWhenExportingWithKafkaDown() throws IOException {
        // given
        int port = freePort();

        // when
        int exit = run("devices", "export", "--output", dir.resolve("out.csv").toString(),
                "--kafka", "127.0.0.1:" + port);

        // then
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo(
                "error: Cannot reach Kafka at 127.0.0.1:" + port + " \u2014 is the stack running? ./gull up -d");
        assertThat(dir.resolve("out.csv")).doesNotExist();
    }

    @Test
    void shouldRefuseToExportOntoADirectory() {
        // when
        int exit = run("devices", "export", "--output", dir.toString(), "--kafka", "127.0.0.1:1");

        // then
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("error: --output " + dir + " is a directory",
                "Usage: gull devices export");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
