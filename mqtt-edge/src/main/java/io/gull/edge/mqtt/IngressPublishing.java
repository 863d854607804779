package io.gull.edge.mqtt;

import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.gull.schemas.avro.Publish;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttReasonCodes;

/**
 * The PUBLISH path of one connection: envelope, send to the {@link IngressSink}, and the reply once Kafka stored
 * it, in arrival order ({@link StoredReplies}): PUBACK for QoS 1, PUBREC for QoS 2. A QoS 2 PUBLISH whose packet
 * id still awaits PUBREL ({@link InboundQos2}) is a resend: PUBREC again, nothing stored. A send the sink refuses
 * for good is answered on MQTT 5 with an error code (0x83 too large, 0x80 otherwise); 3.1.1 has no such code,
 * so it ends the connection like a failure. Runs on the connection's event loop.
 */
final class IngressPublishing {
    private static final Logger log = LoggerFactory.getLogger(IngressPublishing.class);

    private final ClientSession session;
    private final IngressSink sink;
    private final PublishEnvelopes envelopes;
    private final StoredReplies replies;
    private final InboundQos2 qos2;
    private boolean rejectionLogged;

    IngressPublishing(ClientSession session, ConnectionServices services, StoredReplies replies, InboundQos2 qos2) {
        this.session = session;
        this.sink = services.ingress();
        this.envelopes = new PublishEnvelopes(services.config().edgeId(), services.clock());
        this.replies = replies;
        this.qos2 = qos2;
    }

    /** Sends one PUBLISH; the caller releases {@code publish}. */
    void publish(MqttPublishMessage publish) {
        if (!replies.accepting()) {
            return; // the connection closes without acknowledging this; the client resends it
        }
        MqttQoS qos = publish.fixedHeader().qosLevel();
        int packetId = publish.variableHeader().packetId();
        int bytes = publish.fixedHeader().remainingLength();
        if (qos == MqttQoS.EXACTLY_ONCE && !qos2.received(packetId)) {
            // MQTT-4.3.3: a resend before PUBREL; stored already, answer PUBREC again (in order)
            log.debug("Client {} resent QoS 2 packet {} before PUBREL; PUBREC again, not stored twice",
                    session.clientId(), packetId);
            replies.add(CompletableFuture.completedFuture(null), reason -> MqttReplies.pubRec(packetId, reason),
                    bytes, error -> null);
            return;
        }
        Publish envelope = envelopes.envelope(publish, session);
        OrderedAcks.Reply reply = switch (qos) {
            case AT_LEAST_ONCE -> reason -> MqttReplies.pubAck(packetId, reason);
            case EXACTLY_ONCE -> reason -> {
                if (reason != 0) {
                    qos2.rejected(packetId);
                }
                return MqttReplies.pubRec(packetId, reason);
            };
            default -> null;
        };
        replies.add(sink.send(envelope), reply, bytes, error -> rejectionCode(envelope, error));
    }

    /** The 5.0 reason code for a record Kafka refuses for good, or null: close the connection. */
    private Byte rejectionCode(Publish envelope, Throwable error) {
        if (!(error instanceof IngressRejectedException rejected) || !session.isV5()) {
            return null;
        }
        byte reason = rejected.tooLarge()
                ? MqttReasonCodes.PubAck.IMPLEMENTATION_SPECIFIC_ERROR.byteValue()
                : MqttReasonCodes.PubAck.UNSPECIFIED_ERROR.byteValue();
        logRejection(envelope, rejected, reason);
        return reason;
    }

    private void logRejection(Publish envelope, IngressRejectedException rejected, byte reason) {
        if (rejectionLogged) {
            log.debug("Kafka refused another PUBLISH of client {} to {}: {}", session.clientId(), shortTopic(envelope),
                    rejected.getMessage());
            return;
        }
        rejectionLogged = true;
        log.warn("Kafka refused a PUBLISH of client {} to {} for good: {}. Answered 0x{}; the message is "
                        + "not stored. (Logged once per connection.)", session.clientId(), shortTopic(envelope),
                rejected.getMessage(), String.format("%02X", reason & 0xFF));
    }

    private static String shortTopic(Publish envelope) {
        String topic = envelope.getTopic();
        return topic.length() <= 200 ? topic : topic.substring(0, 200) + "... (" + topic.length() + " chars)";
    }
}
