package io.gull.flink.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.time.Instant;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;

import io.gull.flink.kafka.RawRecord;
import io.gull.schemas.Codecs;
import io.gull.schemas.MalformedRecordException;
import io.gull.schemas.Topics;
import io.gull.schemas.avro.Publish;
import io.gull.schemas.avro.SessionEvent;

/**
 * A record whose lengths claim more than it holds is a dead letter, found out before Avro allocates what they claim.
 * Found by {@link RecordDecoderFuzzTest}: 15 bytes made the Publish decoder allocate 1 GB (and a larger claim threw
 * OutOfMemoryError, which no dead-letter handling catches); a 107-byte SessionEvent made it allocate 2 GB.
 */
class AvroLengthsTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void shouldRefuseAStringClaimingAGigabyteWithoutAllocatingIt() {
        // given a Publish header and a messageId claiming 1,000,000,000 bytes, and nothing after it
        byte[] value = concat(header(Publish.getClassSchema()), varint(1_000_000_000L));
        GullDecoders.publish(raw(Topics.INGRESS, Codecs.PUBLISH.encode(publish()))); // loaded and warm

        // when it is decoded
        long before = THREADS.getCurrentThreadAllocatedBytes();
        assertThatThrownBy(() -> GullDecoders.publish(raw(Topics.INGRESS, value)))

                // then it is refused as malformed, having allocated far less than what it claims
                .isInstanceOf(MalformedRecordException.class).hasMessageContaining("more than the record holds");
        assertThat(THREADS.getCurrentThreadAllocatedBytes() - before).isLessThan(1024 * 1024);
    }

    @Test
    void shouldRefuseAnArrayClaimingMoreItemsThanTheRecordHasBytes() {
        // given a SessionEvent (eventId, type, clientId, edgeId, no connectionId, protocol 4, clean start) whose
        // topicFilters array claims 50,000,000 strings
        byte[] fields = {2, 'e', 0, 2, 'c', 2, 'e', 0, 8, 1};
        byte[] value = concat(concat(header(SessionEvent.getClassSchema()), fields), varint(50_000_000L));

        assertThatThrownBy(() -> GullDecoders.sessionEvent(raw(Topics.SESSIONS, value)))
                .isInstanceOf(MalformedRecordException.class).hasMessageContaining("50000000 items");
    }

    @Test
    void shouldRefuseANegativeBlockCountClaimingTooManyItems() {
        // given the same SessionEvent whose topicFilters come as one block of -50,000,000 items of 3 bytes in total
        byte[] fields = {2, 'e', 0, 2, 'c', 2, 'e', 0, 8, 1};
        byte[] value = concat(concat(concat(header(SessionEvent.getClassSchema()), fields), varint(-50_000_000L)),
                varint(3));

        assertThatThrownBy(() -> GullDecoders.sessionEvent(raw(Topics.SESSIONS, value)))
                .isInstanceOf(MalformedRecordException.class).hasMessageContaining("more than the record holds");
    }

    @Test
    void shouldStillDecodeTheLargestPayloadAllowed() {
        Publish largest = Publish.newBuilder(publish()).setPayload(ByteBuffer.allocate(GullDecoders.MAX_PAYLOAD_BYTES))
                .build();

        assertThat(GullDecoders.publish(raw(Topics.INGRESS, Codecs.PUBLISH.encode(largest)))).isEqualTo(largest);
    }

    private static Publish publish() {
        return Publish.newBuilder().setMessageId("m1").setEdgeId("edge-1").setClientId("dev1")
                .setTopic("devices/dev1/temp").setPayload(ByteBuffer.allocate(4)).setQos(1)
                .setReceivedAt(Instant.parse("2026-11-25T10:15:30.123Z")).build();
    }

    private static RawRecord raw(String topic, byte[] value) {
        return new RawRecord(topic, 0, 1, RawRecord.NO_TIMESTAMP, null, value);
    }

    /** The single-object encoding header of {@code schema}: C3 01 and its fingerprint, little-endian. */
    private static byte[] header(Schema schema) {
        long fingerprint = SchemaNormalization.parsingFingerprint64(schema);
        byte[] header = new byte[10];
        header[0] = (byte) 0xC3;
        header[1] = 0x01;
        for (int i = 0; i < 8; i++) {
            header[2 + i] = (byte) (fingerprint >>> (8 * i));
        }
        return header;
    }

    /** Avro's zigzag varint of {@code value}. */
    private static byte[] varint(long value) {
        return RecordMutations.varint((value << 1) ^ (value >> 63));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
