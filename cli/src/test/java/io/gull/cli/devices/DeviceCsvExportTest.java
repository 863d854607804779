package io.gull.cli.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.gull.cli.output.CsvFormatter;
import io.gull.cli.output.ResultTable;
import io.gull.schemas.avro.DeviceRecord;

/** An export is an import file: every device comes back as it was, with its stored hash. */
class DeviceCsvExportTest {
    private static final Instant CREATED = Instant.parse("2026-11-25T07:24:57.735Z");
    private static final Instant UPDATED = Instant.parse("2026-11-26T08:00:00Z");
    private static final Instant LATER = Instant.parse("2027-01-01T00:00:00Z");

    @Test
    void shouldWriteOneColumnPerMetadataKeyOfAnyDevice() {
        // given
        DeviceRecord plain = device("dev1", "default", Map.of());
        DeviceRecord sensor = device("sensor-7", "acme", Map.of("site", "lab", "floor", "2"));

        // when
        ResultTable table = DeviceCsvExport.table(List.of(plain, sensor));

        // then
        assertThat(table.columns()).containsExactly("device_id", "tenant", "password_hash", "created_at",
                "updated_at", "meta.floor", "meta.site");
        assertThat(table.rows().get(0)).containsExactly("dev1", "default",
                StoredCredentials.format(plain.getCredential()), "2026-11-25T07:24:57.735Z", "2026-11-26T08:00:00Z",
                null, null);
        assertThat(table.rows().get(1)).endsWith("2", "lab");
    }

    @Test
    void shouldImportBackEveryDeviceAsItWas() {
        // given devices with commas, quotes and line breaks in their values
        List<DeviceRecord> devices = List.of(device("dev1", "default", Map.of()),
                device("sensor-7", "acme, inc", Map.of("note", "say \"hi\"\nthen go", "site", "lab")));

        // when
        String csv = new CsvFormatter().format(DeviceCsvExport.table(devices));
        ImportFile.Contents contents = ImportFile.parse(csv);

        // then
        assertThat(contents.problems()).isEmpty();
        assertThat(contents.rows()).extracting(row -> row.toRecord(LATER)).containsExactlyElementsOf(devices);
    }

    private static DeviceRecord device(String id, String tenant, Map<String, String> metadata) {
        DeviceRecord device = DeviceRecords.create(id, "pw-" + id, tenant, metadata, CREATED);
        device.setUpdatedAt(UPDATED);
        return device;
    }
}
