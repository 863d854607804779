package io.gull.flink.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.gull.schemas.avro.Publish;

class TelemetryRowTest {

    static Publish publish(String messageId, Instant receivedAt) {
        return Publish.newBuilder()
                .setMessageId(messageId)
                .setEdgeId("edge-1")
                .setClientId("dev1")
                .setTenant("acme")
                .setTopic("devices/dev1/temp")
                .setPayload(ByteBuffer.wrap("21.5".getBytes(StandardCharsets.UTF_8)))
                .setQos(1)
                .setRetain(true)
                .setProperties(Map.of())
                .setReceivedAt(receivedAt)
                .build();
    }

    @Test
    void shouldMapEveryColumn() {
        TelemetryRow row = TelemetryRow.from(publish("m1", Instant.parse("2026-11-25T10:15:30.123Z")));

        assertThat(row.deviceId()).isEqualTo("dev1");
        assertThat(row.day()).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(row.receivedAt()).isEqualTo(Instant.parse("2026-11-25T10:15:30.123Z"));
        assertThat(row.messageId()).isEqualTo("m1");
        assertThat(row.tenant()).isEqualTo("acme");
        assertThat(row.topic()).isEqualTo("devices/dev1/temp");
        assertThat(StandardCharsets.UTF_8.decode(row.payload()).toString()).isEqualTo("21.5");
        assertThat(row.qos()).isEqualTo(1);
        assertThat(row.retain()).isTrue();
        assertThat(row.edgeId()).isEqualTo("edge-1");
    }

    @Test
    void shouldPartitionByUtcDay() {
        assertThat(TelemetryRow.from(publish("m1", Instant.parse("2026-11-24T23:59:59.999Z"))).day())
                .isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(TelemetryRow.from(publish("m1", Instant.parse("2026-11-25T00:00:00Z"))).day())
                .isEqualTo(LocalDate.of(2026, 11, 25));
    }

    @Test
    void shouldWriteAtReceivedAtInMicrosWithinItsMillisecond() {
        Instant receivedAt = Instant.parse("2026-11-25T10:15:30.123Z");

        long micros = TelemetryRow.from(publish("m1", receivedAt)).writeTimeMicros();

        assertThat(micros).isBetween(receivedAt.toEpochMilli() * 1000, receivedAt.toEpochMilli() * 1000 + 999);
    }

    @Test
    void shouldGiveAReplayTheSameWriteTime() {
        Instant receivedAt = Instant.parse("2026-11-25T10:15:30.123Z");

        assertThat(TelemetryRow.from(publish("m1", receivedAt)).writeTimeMicros())
                .isEqualTo(TelemetryRow.from(publish("m1", receivedAt)).writeTimeMicros());
    }

    @Test
    void shouldOrderWriteTimesOfMessagesInDifferentMillisecondsByReceivedAt() {
        long earlier = TelemetryRow.from(publish("zzz", Instant.parse("2026-11-25T10:15:30.123Z"))).writeTimeMicros();
        long later = TelemetryRow.from(publish("aaa", Instant.parse("2026-11-25T10:15:30.124Z"))).writeTimeMicros();

        assertThat(later).isGreaterThan(earlier);
    }

    @Test
    void shouldNotConsumeThePublishPayload() {
        Publish publish = publish("m1", Instant.parse("2026-11-25T10:15:30.123Z"));

        TelemetryRow.from(publish).payload().get();

        assertThat(publish.getPayload().remaining()).isEqualTo(4);
    }
}
