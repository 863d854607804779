package io.gull.cli.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.gull.cli.output.ResultTable;
import io.gull.schemas.Codecs;
import io.gull.schemas.PasswordHashing;
import io.gull.schemas.avro.DeviceRecord;

class DeviceRecordsTest {
    private static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");

    @Test
    void shouldStoreASaltedHashThatMatchesThePassword() {
        // when
        DeviceRecord device = DeviceRecords.create("dev1", "pw", "acme", Map.of("site", "lab"), NOW);

        // then
        assertThat(device.getDeviceId()).isEqualTo("dev1");
        assertThat(device.getTenant()).isEqualTo("acme");
        assertThat(device.getMetadata()).containsEntry("site", "lab");
        assertThat(device.getCreatedAt()).isEqualTo(NOW);
        assertThat(PasswordHashing.matches(device.getCredential(), "pw".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(PasswordHashing.matches(device.getCredential(), "other".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
        assertThat(Codecs.DEVICE_RECORD.decode(Codecs.DEVICE_RECORD.encode(device))).isEqualTo(device);
    }

    @Test
    void shouldRejectEmptyPasswordAndBadId() {
        assertThatThrownBy(() -> DeviceRecords.create("dev1", "", "default", Map.of(), NOW))
                .hasMessageContaining("--password");
        assertThatThrownBy(() -> DeviceRecords.create("a/b", "pw", "default", Map.of(), NOW))
                .hasMessageContaining("'/'");
    }

    @Test
    void shouldListDevicesWithoutAnyCredential() {
        // given
        DeviceRecord device = DeviceRecords.create("dev1", "pw", "default", Map.of("b", "2", "a", "1"), NOW);

        // when
        ResultTable table = DevicesListCommand.table(java.util.List.of(device));

        // then
        assertThat(table.columns()).containsExactly("device_id", "tenant", "metadata", "created_at", "updated_at");
        assertThat(table.rows()).containsExactly(
                java.util.List.of("dev1", "default", "a=1;b=2", "2025-03-10T12:00:00Z", "2025-03-10T12:00:00Z"));
    }
}
