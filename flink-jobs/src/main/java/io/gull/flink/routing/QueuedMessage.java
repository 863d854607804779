package io.gull.flink.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

import io.gull.schemas.avro.Command;

/**
 * A message on its way to one subscriber (the delivery operator's queue entry; also the form of a QoS 0 message
 * sent at once).
 *
 * @param qos       min(publish QoS, granted QoS): 0-2
 * @param packetId  the packet id it was sent with (SENT, RECEIVED), 0 before
 * @param expiresAt epoch ms it expires at (Message Expiry Interval, or a command's expiresAt), null = never
 */
public record QueuedMessage(MessageContent message, int qos, boolean retain, List<Integer> subscriptionIds,
        QueuedState state, int packetId, Long expiresAt) {

    public static final TypeInformation<QueuedMessage> TYPE = Types.POJO(QueuedMessage.class, Map.of(
            "message", MessageContent.TYPE,
            "qos", Types.INT,
            "retain", Types.BOOLEAN,
            "subscriptionIds", Types.LIST(Types.INT),
            "state", Types.ENUM(QueuedState.class),
            "packetId", Types.INT,
            "expiresAt", Types.LONG));

    static QueuedMessage of(Match match) {
        return new QueuedMessage(MessageContent.of(match.message()), clampQos(match.qos()), match.retain(),
                match.subscriptionIds() == null ? new ArrayList<>() : new ArrayList<>(match.subscriptionIds()),
                QueuedState.QUEUED, 0, MessageExpiry.expiresAt(match.message()));
    }

    /** A command: QoS as given, never retained, no subscription identifiers, its expiresAt while queued. */
    static QueuedMessage of(Command command) {
        Long expiresAt = command.getExpiresAt() == null ? null : command.getExpiresAt().toEpochMilli();
        return new QueuedMessage(MessageContent.of(command), clampQos(command.getQos()), false, new ArrayList<>(),
                QueuedState.QUEUED, 0, expiresAt);
    }

    String messageId() {
        return message.messageId();
    }

    boolean inFlight() {
        return state == QueuedState.SENT || state == QueuedState.RECEIVED;
    }

    boolean isExpired(long now) {
        return MessageExpiry.isExpired(expiresAt, now);
    }

    QueuedMessage sent(int packetIdUsed) {
        return new QueuedMessage(message, qos, retain, subscriptionIds, QueuedState.SENT, packetIdUsed, expiresAt);
    }

    QueuedMessage received() {
        return new QueuedMessage(message, qos, retain, subscriptionIds, QueuedState.RECEIVED, packetId, expiresAt);
    }

    private static int clampQos(int qos) {
        return Math.max(0, Math.min(2, qos));
    }
}
