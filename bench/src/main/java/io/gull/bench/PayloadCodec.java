package io.gull.bench;

import java.nio.ByteBuffer;

/**
 * Writes a {@link ProbeStamp} at the start of a payload of a given size and reads it back. Layout (big endian):
 * magic "GB" (2 bytes), version 1 (1 byte), flags (1 byte, bit 0 = warm-up), source (int), seq (long),
 * sentNanos (long), then zero padding up to the payload size.
 */
public final class PayloadCodec {
    public static final int HEADER_BYTES = 2 + 1 + 1 + 4 + 8 + 8;
    private static final byte MAGIC_0 = 'G';
    private static final byte MAGIC_1 = 'B';
    private static final byte VERSION = 1;
    private static final byte WARMUP = 1;

    private PayloadCodec() {
    }

    public static byte[] encode(ProbeStamp stamp, int payloadBytes) {
        if (payloadBytes < HEADER_BYTES) {
            throw new IllegalArgumentException("payload must have at least " + HEADER_BYTES + " bytes, not " + payloadBytes);
        }
        ByteBuffer buffer = ByteBuffer.allocate(payloadBytes);
        buffer.put(MAGIC_0).put(MAGIC_1).put(VERSION).put(stamp.warmup() ? WARMUP : 0)
                .putInt(stamp.source()).putLong(stamp.seq()).putLong(stamp.sentNanos());
        return buffer.array();
    }

    /**
     * @throws IllegalArgumentException when the bytes are not a payload of this codec (another publisher on the
     *                                  topic, a truncated message)
     */
    public static ProbeStamp decode(ByteBuffer payload) {
        ByteBuffer buffer = payload.duplicate();
        if (buffer.remaining() < HEADER_BYTES) {
            throw new IllegalArgumentException("not a benchmark payload: " + buffer.remaining() + " bytes, at least "
                    + HEADER_BYTES + " expected");
        }
        byte m0 = buffer.get();
        byte m1 = buffer.get();
        byte version = buffer.get();
        if (m0 != MAGIC_0 || m1 != MAGIC_1 || version != VERSION) {
            throw new IllegalArgumentException("not a benchmark payload (magic/version " + m0 + " " + m1 + " " + version + ")");
        }
        boolean warmup = (buffer.get() & WARMUP) != 0;
        int source = buffer.getInt();
        long seq = buffer.getLong();
        long sentNanos = buffer.getLong();
        return new ProbeStamp(source, seq, sentNanos, warmup);
    }

    public static ProbeStamp decode(byte[] payload) {
        return decode(ByteBuffer.wrap(payload));
    }
}
