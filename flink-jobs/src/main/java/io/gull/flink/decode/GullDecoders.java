package io.gull.flink.decode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.avro.specific.SpecificRecord;

import io.gull.flink.auth.DeviceChange;
import io.gull.flink.kafka.RawRecord;
import io.gull.schemas.AvroCodec;
import io.gull.schemas.Codecs;
import io.gull.schemas.MalformedRecordException;
import io.gull.schemas.PasswordHashing;
import io.gull.schemas.Topics;
import io.gull.schemas.avro.AuthRequest;
import io.gull.schemas.avro.Command;
import io.gull.schemas.avro.DeviceRecord;
import io.gull.schemas.avro.EdgeHeartbeat;
import io.gull.schemas.avro.PasswordCredential;
import io.gull.schemas.avro.Publish;
import io.gull.schemas.avro.SessionEvent;
import io.gull.schemas.avro.SessionEventType;
import io.gull.schemas.avro.SharedHandoff;
import io.gull.schemas.avro.Subscription;
import io.gull.schemas.topic.TopicFilters;

/** The decoders of Gull's input topics; each also checks what later operators rely on. */
public final class GullDecoders {
    /** Upper bound of PBKDF2 iterations accepted from the registry (100x the default). */
    static final int MAX_ITERATIONS = 100 * PasswordHashing.DEFAULT_ITERATIONS;
    /** Earliest receivedAt accepted on gull.ingress (write timestamps in Cassandra stay positive). */
    public static final Instant MIN_RECEIVED_AT = Instant.EPOCH;
    /** Latest receivedAt accepted on gull.ingress (the last millisecond of year 9999). */
    public static final Instant MAX_RECEIVED_AT = Instant.parse("9999-12-31T23:59:59.999Z");
    /**
     * Largest payload accepted on gull.ingress: 1 MiB, well below Cassandra's default maximum mutation size (16 MiB,
     * half the commit log segment) and equal to Kafka's default maximum message size.
     */
    public static final int MAX_PAYLOAD_BYTES = 1024 * 1024;
    private GullDecoders() {
    }

    /**
     * gull.sessions: a {@link SessionEvent} with a client id and a usable edge id; a SUBSCRIBED event's subscriptions
     * must have valid filters ({@link TopicFilters}), QoS 0-2 and Retain Handling 0-2 (the edge checked them already:
     * a bad one is an edge bug, and the whole event is dead-lettered rather than half applied).
     */
    public static SessionEvent sessionEvent(RawRecord record) {
        SessionEvent event = decode(Codecs.SESSION_EVENT, record.value());
        requireNotEmpty(event.getClientId(), "clientId");
        requireEdgeId(event.getEdgeId());
        if (event.getType() == SessionEventType.SUBSCRIBED) {
            for (Subscription subscription : event.getSubscriptions()) {
                TopicFilters.filterProblem(subscription.getFilter()).ifPresent(problem -> {
                    throw new MalformedRecordException("invalid topic filter '" + subscription.getFilter() + "': "
                            + problem);
                });
                requireRange(subscription.getQos(), 0, 2, "subscription qos");
                requireRange(subscription.getRetainHandling(), 0, 2, "retainHandling");
            }
        }
        return event;
    }

    /** gull.edges: an {@link EdgeHeartbeat} with a usable edge id and an incarnation. */
    public static EdgeHeartbeat edgeHeartbeat(RawRecord record) {
        EdgeHeartbeat beat = decode(Codecs.EDGE_HEARTBEAT, record.value());
        requireEdgeId(beat.getEdgeId());
        requireNotEmpty(beat.getIncarnation(), "incarnation");
        return beat;
    }

    /** gull.commands: a {@link Command} with an id, a device id, a valid topic name, QoS 0-2 and a bounded payload. */
    public static Command command(RawRecord record) {
        Command command = decode(Codecs.COMMAND, record.value());
        requireNotEmpty(command.getCommandId(), "commandId");
        requireNotEmpty(command.getDeviceId(), "deviceId");
        TopicFilters.topicNameProblem(command.getTopic()).ifPresent(problem -> {
            throw new MalformedRecordException("invalid topic '" + command.getTopic() + "': " + problem);
        });
        requireRange(command.getQos(), 0, 2, "qos");
        int payloadBytes = command.getPayload().remaining();
        if (payloadBytes > MAX_PAYLOAD_BYTES) {
            throw new MalformedRecordException("payload of " + payloadBytes + " bytes is larger than the maximum of "
                    + MAX_PAYLOAD_BYTES);
        }
        return command;
    }

    /** gull.shared.handoffs: a {@link SharedHandoff} of a valid shared subscription with a message id. */
    public static SharedHandoff sharedHandoff(RawRecord record) {
        SharedHandoff handoff = decode(Codecs.SHARED_HANDOFF, record.value());
        requireNotEmpty(handoff.getTenant(), "tenant");
        requireNotEmpty(handoff.getFromClientId(), "fromClientId");
        requireNotEmpty(handoff.getMessage().getMessageId(), "message.messageId");
        String filter = handoff.getFilter();
        // filterProblem first: shared() assumes a valid filter ("$share/abc" has no filter part and would throw)
        if (TopicFilters.filterProblem(filter).isPresent() || TopicFilters.shared(filter).isEmpty()) {
            throw new MalformedRecordException("not a valid shared subscription: '" + filter + "'");
        }
        return handoff;
    }

    /** gull.auth.requests: an {@link AuthRequest} with a client id and an edge id usable as a topic name. */
    public static AuthRequest authRequest(RawRecord record) {
        AuthRequest request = decode(Codecs.AUTH_REQUEST, record.value());
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
        DeviceRecord device = decode(Codecs.DEVICE_RECORD, record.value());
        if (!deviceId.equals(device.getDeviceId())) {
            throw new MalformedRecordException(
                    "device record key '" + deviceId + "' differs from its deviceId '" + device.getDeviceId() + "'");
        }
        requireUsableCredential(device.getCredential());
        return DeviceChange.registered(device);
    }

    /**
     * gull.ingress: a {@link Publish} with a message id and a client id, a receivedAt within
     * [{@link #MIN_RECEIVED_AT}, {@link #MAX_RECEIVED_AT}] and a payload of at most {@link #MAX_PAYLOAD_BYTES}.
     */
    public static Publish publish(RawRecord record) {
        Publish publish = decode(Codecs.PUBLISH, record.value());
        requireNotEmpty(publish.getMessageId(), "messageId");
        requireNotEmpty(publish.getClientId(), "clientId");
        Instant receivedAt = publish.getReceivedAt();
        if (receivedAt.isBefore(MIN_RECEIVED_AT) || receivedAt.isAfter(MAX_RECEIVED_AT)) {
            throw new MalformedRecordException("receivedAt " + receivedAt + " is outside " + MIN_RECEIVED_AT
                    + " .. " + MAX_RECEIVED_AT);
        }
        int payloadBytes = publish.getPayload().remaining();
        if (payloadBytes > MAX_PAYLOAD_BYTES) {
            throw new MalformedRecordException("payload of " + payloadBytes + " bytes is larger than the maximum of "
                    + MAX_PAYLOAD_BYTES);
        }
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

    /** Decodes with {@code codec}, once {@link AvroLengths} found no length claiming more than the record holds. */
    private static <T extends SpecificRecord> T decode(AvroCodec<T> codec, byte[] value) {
        AvroLengths.check(value);
        return codec.decode(value);
    }

    private static void requireNotEmpty(String value, String field) {
        if (value == null || value.isEmpty()) {
            throw new MalformedRecordException(field + " is empty");
        }
    }

    private static void requireRange(int value, int min, int max, String field) {
        if (value < min || value > max) {
            throw new MalformedRecordException(field + " must be " + min + "-" + max + ", got " + value);
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
