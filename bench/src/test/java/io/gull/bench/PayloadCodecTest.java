package io.gull.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class PayloadCodecTest {
    @Test
    void roundTripsTheStampAtTheRequestedSize() {
        ProbeStamp stamp = new ProbeStamp(7, 123_456_789_012L, -42L, false);
        byte[] payload = PayloadCodec.encode(stamp, 64);
        assertThat(payload).hasSize(64);
        assertThat(PayloadCodec.decode(payload)).isEqualTo(stamp);
    }

    @Test
    void keepsTheWarmupFlag() {
        ProbeStamp stamp = new ProbeStamp(0, 0, System.nanoTime(), true);
        assertThat(PayloadCodec.decode(PayloadCodec.encode(stamp, PayloadCodec.HEADER_BYTES)).warmup()).isTrue();
    }

    @Test
    void decodesFromAReadOnlyBufferWithoutMovingIt() {
        ProbeStamp stamp = new ProbeStamp(3, 9, 11, false);
        ByteBuffer buffer = ByteBuffer.wrap(PayloadCodec.encode(stamp, 100)).asReadOnlyBuffer();
        assertThat(PayloadCodec.decode(buffer)).isEqualTo(stamp);
        assertThat(buffer.position()).isZero();
    }

    @Test
    void refusesForeignAndTruncatedPayloads() {
        assertThatThrownBy(() -> PayloadCodec.decode("hello, this is not a benchmark payload".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a benchmark payload");
        assertThatThrownBy(() -> PayloadCodec.decode(new byte[5]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5 bytes");
    }

    @Test
    void refusesPayloadsSmallerThanTheHeader() {
        assertThatThrownBy(() -> PayloadCodec.encode(new ProbeStamp(0, 0, 0, false), PayloadCodec.HEADER_BYTES - 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
