package io.gull.cli.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Pbkdf2Sha256Test {

    /** RFC 7914, section 11: PBKDF2-HMAC-SHA256 test vectors (64-byte keys: two blocks). */
    @ParameterizedTest
    @CsvSource({
            "passwd, salt, 1, 55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                    + "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783",
            "Password, NaCl, 80000, 4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"
                    + "a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d"})
    void shouldDeriveTheKeysOfRfc7914(String password, String salt, int iterations, String expectedHex) {
        // when
        byte[] key = Pbkdf2Sha256.derive(bytes(password), bytes(salt), iterations, 64);

        // then
        assertThat(HexFormat.of().formatHex(key)).isEqualTo(expectedHex);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pw", "s3cret-pw", "pässwörd-✓", "a-password-longer-than-one-sha256-block-of-sixty-four-bytes-"
            + "is-hashed-first", ""})
    void shouldDeriveTheSameHashAsTheJdk(String password) throws Exception {
        // given
        byte[] salt = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");

        // when
        byte[] ours = Pbkdf2Sha256.derive(bytes(password), salt, 10_000, 32);

        // then
        byte[] jdk = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, 10_000, 256)).getEncoded();
        assertThat(ours).isEqualTo(jdk);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
