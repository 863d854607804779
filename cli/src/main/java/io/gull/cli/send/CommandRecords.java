package io.gull.cli.send;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.gull.cli.devices.DeviceIds;
import io.gull.schemas.avro.Command;
import io.gull.schemas.topic.TopicFilters;

/** Builds the {@code Command} record of {@code gull send}, checking what the device would refuse or never get. */
public final class CommandRecords {
    /** The MQTT 5 properties of a command, as {@code Publish.properties} names them. */
    public static final String RESPONSE_TOPIC = "mqtt.responseTopic";
    public static final String CORRELATION_DATA = "mqtt.correlationData";

    private CommandRecords() {
    }

    /**
     * What to send.
     *
     * @param deviceId        the device (MQTT client id)
     * @param topic           the MQTT topic it receives the command on
     * @param payload         the payload, as text (sent as its UTF-8 bytes)
     * @param qos             0, 1 or 2
     * @param expiry          how long the command waits for an offline device
     * @param responseTopic   MQTT 5 response topic, or null
     * @param correlationData MQTT 5 correlation data as text, or null
     */
    public record Request(String deviceId, String topic, String payload, int qos, Duration expiry,
            String responseTopic, String correlationData) {
    }

    /** @throws IllegalArgumentException saying what is wrong with the request */
    public static Command create(Request request, Instant now, UUID commandId) {
        DeviceIds.validate(request.deviceId());
        TopicFilters.topicNameProblem(request.topic()).ifPresent(problem -> {
            throw new IllegalArgumentException("topic '" + request.topic() + "' cannot be published to: " + problem);
        });
        if (request.qos() < 0 || request.qos() > 2) {
            throw new IllegalArgumentException("--qos must be 0, 1 or 2, got " + request.qos());
        }
        if (request.expiry().isNegative() || request.expiry().isZero()) {
            throw new IllegalArgumentException("--expiry must be longer than 0, e.g. 30s, 15m, 1h or 7d");
        }
        Map<String, String> properties = new LinkedHashMap<>();
        if (request.responseTopic() != null) {
            TopicFilters.topicNameProblem(request.responseTopic()).ifPresent(problem -> {
                throw new IllegalArgumentException("--response-topic '" + request.responseTopic()
                        + "' is not a topic name: " + problem);
            });
            properties.put(RESPONSE_TOPIC, request.responseTopic());
        }
        if (request.correlationData() != null) {
            properties.put(CORRELATION_DATA, Base64.getEncoder()
                    .encodeToString(request.correlationData().getBytes(StandardCharsets.UTF_8)));
        }
        Instant createdAt = now.truncatedTo(ChronoUnit.MILLIS);
        return Command.newBuilder()
                .setCommandId(commandId.toString())
                .setDeviceId(request.deviceId())
                .setTopic(request.topic())
                .setPayload(ByteBuffer.wrap(request.payload().getBytes(StandardCharsets.UTF_8)))
                .setQos(request.qos())
                .setProperties(properties)
                .setCreatedAt(createdAt)
                .setExpiresAt(createdAt.plus(request.expiry()))
                .build();
    }
}
