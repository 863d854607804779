package io.gull.cli.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.gull.schemas.Codecs;
import io.gull.schemas.avro.Command;

class CommandRecordsTest {
    private static final Instant NOW = Instant.parse("2026-12-01T20:00:00.123456Z");
    private static final UUID ID = UUID.fromString("7c621063-503e-49d0-bfe5-5f9e785b5630");

    private static CommandRecords.Request request(String topic, int qos, Duration expiry) {
        return new CommandRecords.Request("dev1", topic, "reboot", qos, expiry, null, null);
    }

    @Test
    void shouldAddressTheDeviceWithTheTopicPayloadQosAndExpiry() {
        // when
        Command command = CommandRecords.create(request("devices/dev1/cmd", 2, Duration.ofMinutes(15)), NOW, ID);

        // then
        assertThat(command.getCommandId()).isEqualTo(ID.toString());
        assertThat(command.getDeviceId()).isEqualTo("dev1");
        assertThat(command.getTopic()).isEqualTo("devices/dev1/cmd");
        assertThat(StandardCharsets.UTF_8.decode(command.getPayload()).toString()).isEqualTo("reboot");
        assertThat(command.getQos()).isEqualTo(2);
        assertThat(command.getProperties()).isEmpty();
        assertThat(command.getCreatedAt()).isEqualTo(Instant.parse("2026-12-01T20:00:00.123Z"));
        assertThat(command.getExpiresAt()).isEqualTo(Instant.parse("2026-12-01T20:15:00.123Z"));
    }

    @Test
    void shouldCarryTheMqtt5ResponseTopicAndCorrelationDataAsPublishPropertiesDo() {
        // when
        Command command = CommandRecords.create(new CommandRecords.Request("dev1", "devices/dev1/cmd", "status", 1,
                Duration.ofHours(1), "apps/console/replies", "req-42"), NOW, ID);

        // then
        assertThat(command.getProperties()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "mqtt.responseTopic", "apps/console/replies",
                "mqtt.correlationData", Base64.getEncoder().encodeToString("req-42".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void shouldEncodeTheRecordAsAvroThatDecodesAgain() {
        Command command = CommandRecords.create(request("devices/dev1/cmd", 1, Duration.ofHours(1)), NOW, ID);

        assertThat(Codecs.COMMAND.decode(Codecs.COMMAND.encode(command))).isEqualTo(command);
    }

    @Test
    void shouldRefuseATopicWithWildcardsWhichNoPublishCanHave() {
        assertThatThrownBy(() -> CommandRecords.create(request("devices/+/cmd", 1, Duration.ofHours(1)), NOW, ID))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("topic 'devices/+/cmd' cannot be published to: ");
    }

    @Test
    void shouldRefuseAQosAboveTwoAndANonPositiveExpiry() {
        assertThatThrownBy(() -> CommandRecords.create(request("t", 3, Duration.ofHours(1)), NOW, ID))
                .hasMessage("--qos must be 0, 1 or 2, got 3");
        assertThatThrownBy(() -> CommandRecords.create(request("t", 1, Duration.ZERO), NOW, ID))
                .hasMessageStartingWith("--expiry must be longer than 0");
    }

    @Test
    void shouldRefuseAResponseTopicThatIsNoTopicName() {
        assertThatThrownBy(() -> CommandRecords.create(new CommandRecords.Request("dev1", "t", "p", 1,
                Duration.ofHours(1), "replies/#", null), NOW, ID))
                .hasMessageStartingWith("--response-topic 'replies/#' is not a topic name: ");
    }

    @Test
    void shouldRefuseADeviceIdThatIsNoClientId() {
        assertThatThrownBy(() -> CommandRecords.create(new CommandRecords.Request("a/b", "t", "p", 1,
                Duration.ofHours(1), null, null), NOW, ID))
                .hasMessageContaining("must not contain '/'");
    }

    @Test
    void shouldSayWhenTheCommandIsDeliveredAndUntilWhenItIsQueued() {
        Command command = CommandRecords.create(request("devices/dev1/cmd", 1, Duration.ofHours(1)), NOW, ID);

        assertThat(SendCommand.confirmation(command)).isEqualTo("sent command " + ID + " to dev1 (devices/dev1/cmd,"
                + " QoS 1); delivered when the device is connected, queued while its session is offline until"
                + " 2026-12-01T21:00:00.123Z");
    }

    @Test
    void shouldNotPromiseToQueueAQos0Command() {
        Command command = CommandRecords.create(request("devices/dev1/cmd", 0, Duration.ofHours(1)), NOW, ID);

        assertThat(SendCommand.confirmation(command)).endsWith(
                "(devices/dev1/cmd, QoS 0); delivered only if the device is connected (QoS 0 is never queued)");
    }
}
