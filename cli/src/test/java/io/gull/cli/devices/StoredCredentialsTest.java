package io.gull.cli.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.gull.schemas.PasswordHashing;
import io.gull.schemas.avro.PasswordCredential;

class StoredCredentialsTest {

    @Test
    void shouldGiveBackTheSameCredentialFromItsText() {
        // given
        PasswordCredential credential = PasswordHashing.hash("s3cret");

        // when
        String text = StoredCredentials.format(credential);
        PasswordCredential parsed = StoredCredentials.parse(text);

        // then
        assertThat(text).startsWith("PBKDF2WithHmacSHA256:10000:").doesNotContain("s3cret");
        assertThat(parsed).isEqualTo(credential);
        assertThat(PasswordHashing.matches(parsed, "s3cret".getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    @Test
    void shouldReadTheDocumentedForm() {
        // when
        PasswordCredential parsed = StoredCredentials.parse(
                "PBKDF2WithHmacSHA256:12000:AAECAwQFBgcICQoLDA0ODw==:" + "A".repeat(43) + "=");

        // then
        assertThat(parsed.getIterations()).isEqualTo(12_000);
        assertThat(parsed.getSalt().remaining()).isEqualTo(16);
        assertThat(parsed.getHash().remaining()).isEqualTo(32);
    }

    @Test
    void shouldRefuseTextThatIsNotACredential() {
        String hash = "A".repeat(43) + "=";
        assertThatThrownBy(() -> StoredCredentials.parse("s3cret"))
                .hasMessageStartingWith("expected <algorithm>:<iterations>:<salt>:<hash>");
        assertThatThrownBy(() -> StoredCredentials.parse("MD5:1:AAAA:" + hash))
                .hasMessage("algorithm 'MD5' is not supported (devices log in with PBKDF2WithHmacSHA256 hashes only)");
        assertThatThrownBy(() -> StoredCredentials.parse("PBKDF2WithHmacSHA256:0:AAAA:" + hash))
                .hasMessage("iterations must be a positive whole number, got '0'");
        assertThatThrownBy(() -> StoredCredentials.parse("PBKDF2WithHmacSHA256:many:AAAA:" + hash))
                .hasMessage("iterations must be a positive whole number, got 'many'");
        assertThatThrownBy(() -> StoredCredentials.parse("PBKDF2WithHmacSHA256:10000:!!:" + hash))
                .hasMessageStartingWith("the salt is not valid base64");
        assertThatThrownBy(() -> StoredCredentials.parse("PBKDF2WithHmacSHA256:10000::" + hash))
                .hasMessage("the salt is empty");
        assertThatThrownBy(() -> StoredCredentials.parse("PBKDF2WithHmacSHA256:10000:AAAA:AAAA"))
                .hasMessage("the hash has 3 bytes; PBKDF2WithHmacSHA256 hashes of the registry have 32");
    }
}
