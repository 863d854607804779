package io.gull.cli.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class CqlValuesTest {

    @Test
    void shouldKeepTextNumbersAndBooleans() {
        assertThat(CqlValues.printable("x", () -> "no")).isEqualTo("x");
        assertThat(CqlValues.printable(42, () -> "no")).isEqualTo(42);
        assertThat(CqlValues.printable(true, () -> "no")).isEqualTo(true);
        assertThat(CqlValues.printable(null, () -> "no")).isNull();
    }

    @Test
    void shouldShowTimestampsAsIsoUtcAndDatesAsIso() {
        assertThat(CqlValues.printable(Instant.parse("2025-03-10T12:00:00.123Z"), () -> "no"))
                .isEqualTo("2025-03-10T12:00:00.123Z");
        assertThat(CqlValues.printable(LocalDate.parse("2025-03-10"), () -> "no")).isEqualTo("2025-03-10");
    }

    @Test
    void shouldShowBlobsAsHexLikeCqlsh() {
        assertThat(CqlValues.printable(ByteBuffer.wrap(new byte[] {1, (byte) 0xAB}), () -> "no")).isEqualTo("0x01ab");
    }

    @Test
    void shouldShowAddressesWithoutHostName() throws Exception {
        assertThat(CqlValues.printable(InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1}), () -> "no"))
                .isEqualTo("127.0.0.1");
    }

    @Test
    void shouldShowOtherTypesAsCqlLiterals() {
        assertThat(CqlValues.printable(List.of("a"), () -> "['a']")).isEqualTo("['a']");
    }
}
