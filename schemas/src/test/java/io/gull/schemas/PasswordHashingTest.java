package io.gull.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.gull.schemas.avro.PasswordCredential;

class PasswordHashingTest {

    @Test
    void shouldAcceptTheRightPassword() {
        PasswordCredential credential = PasswordHashing.hash("s3cret-pw");

        assertThat(PasswordHashing.matches(credential, "s3cret-pw".getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    @Test
    void shouldRejectAWrongOrMissingPassword() {
        PasswordCredential credential = PasswordHashing.hash("s3cret-pw");

        assertThat(PasswordHashing.matches(credential, "s3cret-pX".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(PasswordHashing.matches(credential, new byte[0])).isFalse();
        assertThat(PasswordHashing.matches(credential, null)).isFalse();
    }

    @Test
    void shouldSaltEveryHashSoEqualPasswordsLookDifferent() {
        PasswordCredential first = PasswordHashing.hash("same");
        PasswordCredential second = PasswordHashing.hash("same");

        assertThat(first.getSalt()).isNotEqualTo(second.getSalt());
        assertThat(first.getHash()).isNotEqualTo(second.getHash());
        assertThat(first.getAlgorithm()).isEqualTo(PasswordHashing.ALGORITHM);
    }

    @Test
    void shouldHandleNonAsciiPasswords() {
        PasswordCredential credential = PasswordHashing.hash("pässwörd-✓");

        assertThat(PasswordHashing.matches(credential, "pässwörd-✓".getBytes(StandardCharsets.UTF_8))).isTrue();
    }
}
