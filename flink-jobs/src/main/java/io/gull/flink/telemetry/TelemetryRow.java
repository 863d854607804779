package io.gull.flink.telemetry;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.zip.CRC32;

import io.gull.schemas.avro.Publish;

/**
 * The column values one {@link Publish} becomes in {@code telemetry_by_device} and {@code latest_by_device}.
 *
 * @param day             the partition day: the UTC date of {@code receivedAt}
 * @param writeTimeMicros the write timestamp of the latest_by_device row: {@code receivedAt} in microseconds,
 *                        plus a sub-millisecond part derived from the message id (CRC32 % 1000, 0-999 us). A
 *                        replay of the same message gets the same timestamp (idempotent). Two messages of one
 *                        device and topic received in the same millisecond tie with probability 1/1000; then
 *                        Cassandra resolves the tie per cell and the row may mix cells of both.
 */
public record TelemetryRow(
        String deviceId,
        LocalDate day,
        Instant receivedAt,
        String messageId,
        String tenant,
        String topic,
        ByteBuffer payload,
        int qos,
        boolean retain,
        String edgeId,
        long writeTimeMicros) {

    public static TelemetryRow from(Publish publish) {
        Instant receivedAt = publish.getReceivedAt();
        return new TelemetryRow(
                publish.getClientId(),
                LocalDate.ofInstant(receivedAt, ZoneOffset.UTC),
                receivedAt,
                publish.getMessageId(),
                publish.getTenant(),
                publish.getTopic(),
                publish.getPayload().asReadOnlyBuffer(),
                publish.getQos(),
                publish.getRetain(),
                publish.getEdgeId(),
                Math.multiplyExact(receivedAt.toEpochMilli(), 1000L) + subMillisecond(publish.getMessageId()));
    }

    private static long subMillisecond(String messageId) {
        CRC32 crc = new CRC32();
        crc.update(messageId.getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % 1000;
    }
}
