package io.gull.cli.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class PayloadTextTest {

    @Test
    void shouldShowPrintableUtf8AsText() {
        assertThat(PayloadText.render("21.5".getBytes(StandardCharsets.UTF_8))).isEqualTo("21.5");
        assertThat(PayloadText.render("{\"t\": \"Zürich ☀\"}\n".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("{\"t\": \"Zürich ☀\"}\n");
    }

    @Test
    void shouldShowInvalidUtf8AsBase64() {
        // given
        byte[] payload = {(byte) 0xC3, (byte) 0x28, 0x01};

        // when / then
        assertThat(PayloadText.render(payload)).isEqualTo("base64:wygB");
    }

    @Test
    void shouldShowControlCharactersAsBase64() {
        assertThat(PayloadText.render(new byte[] {'a', 0, 'b'})).isEqualTo("base64:YQBi");
    }

    @Test
    void shouldShowEmptyPayloadAsEmptyText() {
        assertThat(PayloadText.render(new byte[0])).isEmpty();
    }

    @Test
    void shouldEncodeTextThatLooksLikeTheBase64FormSoTheyCannotBeConfused() {
        assertThat(PayloadText.render("base64:AAAA".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("base64:YmFzZTY0OkFBQUE=");
    }

    @Test
    void shouldNotMoveTheBufferPosition() {
        // given
        ByteBuffer buffer = ByteBuffer.wrap(new byte[] {(byte) 0xFF, 'x'});

        // when
        PayloadText.render(buffer);

        // then
        assertThat(buffer.position()).isZero();
    }

    @Test
    void shouldKeepNullAsNull() {
        assertThat(PayloadText.render((ByteBuffer) null)).isNull();
    }
}
