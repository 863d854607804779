package io.gull.cli.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.gull.schemas.PasswordHashing;
import io.gull.schemas.avro.PasswordCredential;

/** The import's hashes are the registry's hashes: the same parameters, and the sessions job accepts them. */
class PasswordHasherTest {

    @Test
    void shouldMakeHashesThatTheRegistryAccepts() {
        // when
        PasswordCredential credential = PasswordHasher.hash("pässwörd-✓");

        // then
        assertThat(PasswordHashing.matches(credential, "pässwörd-✓".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(PasswordHashing.matches(credential, "other".getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    @Test
    void shouldUseTheParametersOfPasswordHashing() {
        // given
        PasswordCredential reference = PasswordHashing.hash("pw");

        // when
        PasswordCredential ours = PasswordHasher.hash("pw");

        // then
        assertThat(ours.getAlgorithm()).isEqualTo(reference.getAlgorithm());
        assertThat(ours.getIterations()).isEqualTo(reference.getIterations()).isEqualTo(10_000);
        assertThat(ours.getSalt().remaining()).isEqualTo(reference.getSalt().remaining());
        assertThat(ours.getHash().remaining()).isEqualTo(reference.getHash().remaining());
    }

    @Test
    void shouldSaltEveryHash() {
        // when
        PasswordCredential first = PasswordHasher.hash("same");
        PasswordCredential second = PasswordHasher.hash("same");

        // then
        assertThat(first.getSalt()).isNotEqualTo(second.getSalt());
        assertThat(first.getHash()).isNotEqualTo(second.getHash());
    }
}
