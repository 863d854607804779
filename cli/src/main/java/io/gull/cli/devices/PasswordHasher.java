package io.gull.cli.devices;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import io.gull.schemas.PasswordHashing;
import io.gull.schemas.avro.PasswordCredential;

/**
 * Salted password hashes for bulk imports, exactly as {@link PasswordHashing#hash} makes them: PBKDF2 with HMAC-SHA256,
 * {@link PasswordHashing#DEFAULT_ITERATIONS} iterations, a 16-byte random salt and a 256-bit hash; computed with
 * {@link Pbkdf2Sha256}, about twice as fast. Thread-safe.
 */
final class PasswordHasher {
    /** As {@link PasswordHashing}: 16 random bytes (a test holds the two together). */
    static final int SALT_BYTES = 16;
    /** What {@link Pbkdf2Sha256} computes; the tests fail when {@link PasswordHashing} moves to another. */
    static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHasher() {
    }

    static PasswordCredential hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = Pbkdf2Sha256.derive(password.getBytes(StandardCharsets.UTF_8), salt,
                PasswordHashing.DEFAULT_ITERATIONS, StoredCredentials.HASH_BYTES);
        return PasswordCredential.newBuilder()
                .setAlgorithm(ALGORITHM)
                .setIterations(PasswordHashing.DEFAULT_ITERATIONS)
                .setSalt(ByteBuffer.wrap(salt))
                .setHash(ByteBuffer.wrap(hash))
                .build();
    }
}
