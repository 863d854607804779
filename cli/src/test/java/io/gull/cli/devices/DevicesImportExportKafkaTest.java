package io.gull.cli.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.gull.cli.CliEnvironment;
import io.gull.cli.GullCli;
import io.gull.cli.testing.RealKafka;
import io.gull.schemas.PasswordHashing;
import io.gull.schemas.avro.DeviceRecord;
import picocli.CommandLine;

/** {@code devices import} and {@code export} against a real Kafka: what lands in gull.devices, and back. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class DevicesImportExportKafkaTest {
    @TempDir
    Path dir;

    private RealKafka kafka;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void kafka() {
        kafka = RealKafka.get();
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CliEnvironment environment = new CliEnvironment(dir, Optional.empty(), false, Clock.systemUTC());
        CommandLine commandLine = GullCli.commandLine(environment);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        String[] withKafka = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--kafka", kafka.bootstrap().toString())).toArray(String[]::new);
        return commandLine.execute(withKafka);
    }

    /** The devices of the registry whose id starts with {@code prefix}. */
    private SortedMap<String, DeviceRecord> registry(String prefix) {
        SortedMap<String, DeviceRecord> devices = new TreeMap<>(
                new DeviceRegistryReader(kafka.bootstrap(), Duration.ofSeconds(30)).read().devices());
        devices.keySet().removeIf(id -> !id.startsWith(prefix));
        return devices;
    }

    @Test
    void shouldImportEveryDeviceWithAHashOfItsPasswordTenantAndMetadata() throws IOException {
        // given 300 devices
        StringBuilder csv = new StringBuilder("device_id,password,tenant,meta.site\n");
        for (int i = 0; i < 300; i++) {
            csv.append("bulk-").append(i).append(",pw-").append(i).append(",t").append(i % 3).append(",site-")
                    .append(i % 2).append('\n');
        }
        Path file = Files.writeString(dir.resolve("devices.csv"), csv);

        // when
        int exit = run("devices", "import", file.toString());

        // then
        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith(file + ": 300 imported, 0 skipped, 0 failed (");
        SortedMap<String, DeviceRecord> devices = registry("bulk-");
        assertThat(devices).hasSize(300);
        for (int i = 0; i < 300; i++) {
            DeviceRecord device = devices.get("bulk-" + i);
            assertThat(device.getTenant()).isEqualTo("t" + i % 3);
            assertThat(device.getMetadata()).isEqualTo(Map.of("site", "site-" + i % 2));
            assertThat(PasswordHashing.matches(device.getCredential(), bytes("pw-" + i))).as("bulk-" + i).isTrue();
        }
    }

    @Test
    void shouldGiveBackTheRegistryFromItsExportWithEveryPasswordUnchanged() throws IOException {
        // given three devices, exported
        Path file = Files.writeString(dir.resolve("devices.csv"), "device_id,password,tenant,meta.note\n"
                + "trip-1,pw-1,acme,\"commas, \"\"quotes\"\"\"\ntrip-2,pw-2,,\ntrip-3,pw-3,beta,x\n");
        assertThat(run("devices", "import", file.toString())).as(err.toString()).isZero();
        SortedMap<String, DeviceRecord> before = registry("trip-");
        Path export = dir.resolve("export.csv");
        assertThat(run("devices", "export", "--output", export.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("Exported ");
        assertThat(Files.getPosixFilePermissions(export)).isEqualTo(PosixFilePermissions.fromString("rw-------"));

        // when the devices are removed, then imported from the export
        new DeviceRegistryWriter(kafka.bootstrap()).remove("trip-1");
        new DeviceRegistryWriter(kafka.bootstrap()).remove("trip-2");
        assertThat(registry("trip-")).containsOnlyKeys("trip-3");
        int exit = run("devices", "import", export.toString());

        // then each is back as it was: same hash, tenant, metadata and timestamps
        assertThat(exit).as(err.toString()).isZero();
        assertThat(registry("trip-")).isEqualTo(before);
        assertThat(PasswordHashing.matches(registry("trip-").get("trip-1").getCredential(), bytes("pw-1"))).isTrue();
    }

    @Test
    void shouldExportToStandardOutputWhatImportReads() throws IOException {
        // given
        Path file = Files.writeString(dir.resolve("devices.csv"), "device_id,password\nstdout-1,pw\n");
        assertThat(run("devices", "import", file.toString())).isZero();

        // when
        int exit = run("devices", "export");

        // then
        assertThat(exit).isZero();
        ImportFile.Contents exported = ImportFile.parse(out.toString());
        assertThat(exported.problems()).isEmpty();
        assertThat(exported.rows()).filteredOn(row -> row.deviceId().equals("stdout-1")).singleElement()
                .satisfies(row -> assertThat(row.credential()).contains(
                        registry("stdout-1").get("stdout-1").getCredential()));
    }

    @Test
    void shouldImportOnlyTheValidRowsWithSkipInvalid() throws IOException {
        // given
        Path file = Files.writeString(dir.resolve("devices.csv"),
                "device_id,password\nskip-1,pw\nskip/2,pw\nskip-3,pw\nskip-4,\n");

        // when
        int exit = run("devices", "import", file.toString(), "--skip-invalid");

        // then
        assertThat(exit).as(err.toString()).isZero();
        assertThat(err.toString()).contains("line 3: ", "line 5: ");
        assertThat(out.toString()).startsWith(file + ": 2 imported, 2 skipped (invalid rows, listed above), 0 failed");
        assertThat(registry("skip")).containsOnlyKeys("skip-1", "skip-3");
    }

    @Test
    void shouldReplaceADeviceThatExists() throws IOException {
        // given
        Path first = Files.writeString(dir.resolve("first.csv"), "device_id,password\nagain-1,old\n");
        Path second = Files.writeString(dir.resolve("second.csv"), "device_id,password,tenant\nagain-1,new,acme\n");

        // when
        assertThat(run("devices", "import", first.toString())).isZero();
        assertThat(run("devices", "import", second.toString())).isZero();

        // then
        DeviceRecord device = registry("again-1").get("again-1");
        assertThat(device.getTenant()).isEqualTo("acme");
        assertThat(PasswordHashing.matches(device.getCredential(), bytes("new"))).isTrue();
        assertThat(PasswordHashing.matches(device.getCredential(), bytes("old"))).isFalse();
        assertThat(List.of(out.toString())).allMatch(s -> s.contains("1 imported"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
