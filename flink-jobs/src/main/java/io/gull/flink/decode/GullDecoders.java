package io.gull.flink.decode;

import java.nio.charset.StandardCharsets;

import io.gull.flink.auth.DeviceChange;
import io.gull.flink.kafka.RawRecord;
import io.gull.schemas.Codecs;
import io.gull.schemas.MalformedRecordException;
import io.gull.schemas.PasswordHashing;
import io.gull.schemas.Topics;
import io.gull.schemas.avro.AuthRequest;
import io.gull.schemas.avro.DeviceRecord;
import io.gull.schemas.avro.PasswordCredential;
import io.gull.schemas.avro.Publish;

/** The decoders of Gull's input topics; each also checks what later operators rely on. */
public final class GullDecoders {
    /** Upper bound of PBKDF2 iterations accepted from the registry (100x the default). */
    static final int MAX_ITERATIONS = 100 * PasswordHashing.DEFAULT_ITERATIONS;
    private GullDecoders() {
    }

    /** gull.auth.requests: an {@link AuthRequest} with a client id and an edge id usable as a topic name. */
    public static AuthRequest authRequest(RawRecord record) {
        AuthRequest request = Codecs.AUTH_REQUEST.decode(record.value());
        requireNotEmpty(request.getClientId(), "clientId");
        requireNotEmpty(request.getRequestId(), "requestId");
        requireEdgeId(request.getEdgeId());
        return request;
    }

    /** gull.devices: key = device id; a null value deletes the device; the record's deviceId must equal the key. */
    public static DeviceChange deviceChange(RawRecord record) {
        if (record.key() == null || record.key().length == 0) {
            throw new MalformedRecordException("device registry record without a key (the key must be the device id)");
        }
        String deviceId = new String(record.key(), StandardCharsets.UTF_8);
        if (record.value() == null) {
            return DeviceChange.deleted(deviceId);
        }
        DeviceRecord device = Codecs.DEVICE_RECORD.decode(record.value());
        if (!deviceId.equals(device.getDeviceId())) {
            throw new MalformedRecordException(
                    "device record key '" + deviceId + "' differs from its deviceId '" + device.getDeviceId() + "'");
        }
        requireUsableCredential(device.getCredential());
        return DeviceChange.registered(device);
    }

    /** gull.ingress: a {@link Publish} with a message id and a client id. */
    public static Publish publish(RawRecord record) {
        Publish publish = Codecs.PUBLISH.decode(record.value());
        requireNotEmpty(publish.getMessageId(), "messageId");
        requireNotEmpty(publish.getClientId(), "clientId");
        return publish;
    }

    /**
     * A credential the auth check can evaluate: a known algorithm, a salt and a hash, and an iteration count that
     * keeps one check affordable (a huge count would stall the job on every request of that device).
     */
    private static void requireUsableCredential(PasswordCredential credential) {
        if (!PasswordHashing.ALGORITHM.equals(credential.getAlgorithm())) {
            throw new MalformedRecordException("unsupported password algorithm '" + credential.getAlgorithm()
                    + "', expected " + PasswordHashing.ALGORITHM);
        }
        if (credential.getIterations() < 1 || credential.getIterations() > MAX_ITERATIONS) {
            throw new MalformedRecordException("password iterations must be 1-" + MAX_ITERATIONS + ", got "
                    + credential.getIterations());
        }
        if (!credential.getSalt().hasRemaining() || !credential.getHash().hasRemaining()) {
            throw new MalformedRecordException("password credential without salt or hash");
        }
    }

    private static void requireNotEmpty(String value, String field) {
        if (value == null || value.isEmpty()) {
            throw new MalformedRecordException(field + " is empty");
        }
    }

    private static void requireEdgeId(String edgeId) {
        try {
            Topics.edgeInbox(edgeId);
        } catch (IllegalArgumentException e) {
            throw new MalformedRecordException(e.getMessage(), e);
        }
    }
}
