package io.gull.flink.routing;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

import io.gull.schemas.avro.Command;
import io.gull.schemas.avro.Publish;

/** What a subscriber is sent of a message: its id, topic, payload and MQTT 5 properties. */
public record MessageContent(String messageId, String topic, byte[] payload, Map<String, String> properties) {

    public static final TypeInformation<MessageContent> TYPE = Types.POJO(MessageContent.class, Map.of(
            "messageId", Types.STRING,
            "topic", Types.STRING,
            "payload", Types.PRIMITIVE_ARRAY(Types.BYTE),
            "properties", Types.MAP(Types.STRING, Types.STRING)));

    static MessageContent of(Publish publish) {
        return new MessageContent(publish.getMessageId(), publish.getTopic(), bytes(publish.getPayload()),
                copy(publish.getProperties()));
    }

    /** A command is a message for its device: messageId = commandId. */
    static MessageContent of(Command command) {
        return new MessageContent(command.getCommandId(), command.getTopic(), bytes(command.getPayload()),
                copy(command.getProperties()));
    }

    private static byte[] bytes(ByteBuffer buffer) {
        if (buffer == null) {
            return new byte[0];
        }
        ByteBuffer view = buffer.duplicate();
        byte[] out = new byte[view.remaining()];
        view.get(out);
        return out;
    }

    private static Map<String, String> copy(Map<String, String> properties) {
        return properties == null ? new HashMap<>() : new HashMap<>(properties);
    }
}
