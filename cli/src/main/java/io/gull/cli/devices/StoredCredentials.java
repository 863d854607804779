package io.gull.cli.devices;

import java.nio.ByteBuffer;
import java.util.Base64;

import io.gull.schemas.PasswordHashing;
import io.gull.schemas.avro.PasswordCredential;

/**
 * A stored credential as text, the {@code password_hash} column of {@code devices export} and {@code import}:
 * {@code <algorithm>:<iterations>:<salt>:<hash>}, salt and hash in base64, e.g.
 * {@code PBKDF2WithHmacSHA256:10000:3q2+7w...==:Hh8Lw...=}. It is the salted hash the registry keeps, never the
 * password: an exported registry imports back with every device's password unchanged.
 */
public final class StoredCredentials {
    /** The length of the hash {@link PasswordHashing} derives and compares: 256 bits. */
    static final int HASH_BYTES = 32;
    private static final String SEPARATOR = ":";

    private StoredCredentials() {
    }

    public static String format(PasswordCredential credential) {
        Base64.Encoder base64 = Base64.getEncoder();
        return credential.getAlgorithm() + SEPARATOR + credential.getIterations() + SEPARATOR
                + base64.encodeToString(bytes(credential.getSalt())) + SEPARATOR
                + base64.encodeToString(bytes(credential.getHash()));
    }

    /**
     * @throws IllegalArgumentException when the text is not in the format above, or describes a credential no device
     *                                  could ever log in with (another algorithm, a hash of another length)
     */
    public static PasswordCredential parse(String text) {
        String[] parts = text.split(SEPARATOR, -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("expected <algorithm>:<iterations>:<salt>:<hash> as devices export "
                    + "writes it, e.g. " + PasswordHashing.ALGORITHM + ":" + PasswordHashing.DEFAULT_ITERATIONS
                    + ":<base64>:<base64>");
        }
        if (!PasswordHashing.ALGORITHM.equals(parts[0])) {
            throw new IllegalArgumentException("algorithm '" + parts[0] + "' is not supported (devices log in with "
                    + PasswordHashing.ALGORITHM + " hashes only)");
        }
        int iterations;
        try {
            iterations = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            iterations = 0;
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be a positive whole number, got '" + parts[1] + "'");
        }
        byte[] salt = base64(parts[2], "salt");
        byte[] hash = base64(parts[3], "hash");
        if (salt.length == 0) {
            throw new IllegalArgumentException("the salt is empty");
        }
        if (hash.length != HASH_BYTES) {
            throw new IllegalArgumentException("the hash has " + hash.length + " bytes; " + PasswordHashing.ALGORITHM
                    + " hashes of the registry have " + HASH_BYTES);
        }
        return PasswordCredential.newBuilder()
                .setAlgorithm(parts[0])
                .setIterations(iterations)
                .setSalt(ByteBuffer.wrap(salt))
                .setHash(ByteBuffer.wrap(hash))
                .build();
    }

    private static byte[] base64(String text, String what) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + what + " is not valid base64: " + e.getMessage());
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] out = new byte[copy.remaining()];
        copy.get(out);
        return out;
    }
}
