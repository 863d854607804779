package io.gull.flink.decode;

import java.nio.charset.StandardCharsets;

import io.gull.flink.auth.DeviceChange;
import io.gull.flink.kafka.RawRecord;
import io.gull.schemas.Codecs;
import io.gull.schemas.MalformedRecordException;
import io.gull.schemas.Topics;
import io.gull.schemas.avro.AuthRequest;
import io.gull.schemas.avro.DeviceRecord;
import io.gull.schemas.avro.Publish;

/** The decoders of Gull's input topics; each also checks what later operators rely on. */
public final class GullDecoders {
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
        return DeviceChange.registered(device);
    }

    /** gull.ingress: a {@link Publish} with a message id and a client id. */
    public static Publish publish(RawRecord record) {
        Publish publish = Codecs.PUBLISH.decode(record.value());
        requireNotEmpty(publish.getMessageId(), "messageId");
        requireNotEmpty(publish.getClientId(), "clientId");
        return publish;
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
