package io.gull.schemas;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import io.gull.schemas.avro.PasswordCredential;

/** Salted PBKDF2 hashes of device passwords, as stored in the registry (never the password itself). */
public final class PasswordHashing {
    public static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    /** Enough to make offline guessing costly while one check stays near 10 ms on a small core. */
    public static final int DEFAULT_ITERATIONS = 10_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHashing() {
    }

    public static PasswordCredential hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = derive(password.getBytes(StandardCharsets.UTF_8), salt, DEFAULT_ITERATIONS, ALGORITHM);
        return PasswordCredential.newBuilder()
                .setAlgorithm(ALGORITHM)
                .setIterations(DEFAULT_ITERATIONS)
                .setSalt(ByteBuffer.wrap(salt))
                .setHash(ByteBuffer.wrap(hash))
                .build();
    }

    /** True when {@code password} (the raw MQTT password bytes) matches; compares in constant time. */
    public static boolean matches(PasswordCredential credential, byte[] password) {
        if (password == null || !ALGORITHM.equals(credential.getAlgorithm())) {
            return false;
        }
        byte[] expected = bytes(credential.getHash());
        byte[] actual = derive(password, bytes(credential.getSalt()), credential.getIterations(),
                credential.getAlgorithm());
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] derive(byte[] password, byte[] salt, int iterations, String algorithm) {
        CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(password));
        char[] passwordChars = Arrays.copyOf(chars.array(), chars.limit());
        PBEKeySpec spec = new PBEKeySpec(passwordChars, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance(algorithm).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available in this JVM", e);
        } finally {
            spec.clearPassword();
            Arrays.fill(passwordChars, '\0');
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] out = new byte[copy.remaining()];
        copy.get(out);
        return out;
    }
}
