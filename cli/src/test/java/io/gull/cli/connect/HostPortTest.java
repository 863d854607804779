package io.gull.cli.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostPortTest {

    @Test
    void shouldParseHostAndPort() {
        assertThat(HostPort.parse("127.0.0.1:9092")).isEqualTo(new HostPort("127.0.0.1", 9092));
        assertThat(HostPort.parse("cassandra.example:9042")).isEqualTo(new HostPort("cassandra.example", 9042));
    }

    @Test
    void shouldParseBracketedIpv6AndPrintItBack() {
        HostPort address = HostPort.parse("[::1]:9042");
        assertThat(address).isEqualTo(new HostPort("::1", 9042));
        assertThat(address.toString()).isEqualTo("[::1]:9042");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "localhost", ":9092", "localhost:", "localhost:abc", "localhost:0",
            "localhost:70000", "::1:9042"})
    void shouldRejectMalformedAddresses(String text) {
        assertThatThrownBy(() -> HostPort.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
