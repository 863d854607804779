package io.gull.cli.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeviceIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev1", "a", "sensor-42_b.c:d", "Zürich-1"})
    void shouldAcceptValidMqttClientIds(String id) {
        assertThat(DeviceIds.validate(id)).isEqualTo(id);
    }

    @Test
    void shouldAcceptExactly128Characters() {
        assertThat(DeviceIds.validate("x".repeat(128))).hasSize(128);
    }

    @Test
    void shouldRejectEmptyAndTooLongIds() {
        assertThatThrownBy(() -> DeviceIds.validate("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> DeviceIds.validate("x".repeat(129))).hasMessageContaining("at most 128");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev+1", "dev#", "devices/dev1"})
    void shouldRejectWildcardsAndTopicSeparators(String id) {
        assertThatThrownBy(() -> DeviceIds.validate(id))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not contain");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev 1", "dev\t1", "dev\n1", "dev\u00a01", "dev\u00001"})
    void shouldRejectWhitespaceAndControlCharacters(String id) {
        assertThatThrownBy(() -> DeviceIds.validate(id))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("whitespace");
    }
}
