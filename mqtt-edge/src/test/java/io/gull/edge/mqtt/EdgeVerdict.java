package io.gull.edge.mqtt;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.gull.edge.mqtt.MqttObligations.End;
import io.gull.edge.mqtt.MqttObligations.Immediate;
import io.gull.edge.mqtt.MqttObligations.Ordered;
import io.gull.edge.mqtt.MqttObligations.Owed;
import io.gull.edge.mqtt.ReferenceDecoding.Decoded;
import io.gull.edge.mqtt.ServerFrames.Frame;
import io.gull.schemas.avro.AuthOutcome;
import io.gull.schemas.avro.SessionEvent;
import io.gull.schemas.avro.SessionEventType;
import io.gull.schemas.avro.Subscription;
import io.gull.schemas.topic.TopicFilters;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttIdentifierRejectedException;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttTopicSubscription;
import io.netty.handler.codec.mqtt.MqttUnacceptableProtocolVersionException;
import io.netty.handler.codec.mqtt.MqttVersion;

/**
 * Judges one fuzzed connection: given what the reference decoder says the client sent, whether what the edge did is
 * what MQTT requires ({@link MqttObligations}): the CONNACK it owes or must not send, every reply in order, the end of
 * the connection where (and only where) a packet calls for it, with the 5.0 reason code; the session events that go
 * to the sessions job; and that it held no more than one packet's bytes, let nothing reach the end of the pipeline and
 * released every buffer. Each check fails with an {@link AssertionError} that says which rule broke.
 */
final class EdgeVerdict {
    /** A fixed header is at most five bytes. */
    private static final int MAX_FIXED_HEADER = 5;

    private final FuzzedEdge edge;
    private final AuthOutcome outcome;
    private final boolean allowAnonymous;
    private final List<Decoded> packets;
    private final List<Frame> frames;
    private MqttVersion version;
    private boolean accepted;
    private int keepAlive;
    private End end;

    private EdgeVerdict(FuzzedEdge edge, AuthOutcome outcome, boolean allowAnonymous, List<Decoded> packets) {
        this.edge = edge;
        this.outcome = outcome;
        this.allowAnonymous = allowAnonymous;
        this.packets = packets;
        this.frames = ServerFrames.parse(edge.written());
    }

    /**
     * Checks everything about a connection the test has fed and settled, then lets time run out (connect timeout,
     * keep-alive), ends it and checks what followed.
     */
    static void judge(FuzzedEdge edge, AuthOutcome outcome, boolean allowAnonymous, int maxChunk) {
        edge.channel.checkException();
        check(edge.reachedTheTail().isEmpty(), "a message went through the whole pipeline unhandled");
        check(edge.mostHeldWithoutPacket() <= FuzzedEdge.MAX_PACKET_SIZE + MAX_FIXED_HEADER + maxChunk,
                "the edge was fed " + edge.mostHeldWithoutPacket() + " bytes without a packet coming out of its "
                        + "decoder: more than one packet of at most " + FuzzedEdge.MAX_PACKET_SIZE + " bytes");
        try (ReferenceDecoding reference = new ReferenceDecoding(edge)) {
            EdgeVerdict verdict = new EdgeVerdict(edge, outcome, allowAnonymous, reference.packets());
            verdict.checkAnswers();
            verdict.checkTimeouts();
            verdict.checkEnd();
        }
    }

    private void checkAnswers() {
        if (!frames.isEmpty()) {
            check(frames.get(0).type() == MqttMessageType.CONNACK, "the edge's first packet is not CONNACK: " + frames);
            check(frames.stream().filter(f -> f.type() == MqttMessageType.CONNACK).count() == 1,
                    "more than one CONNACK: " + frames);
        }
        if (packets.isEmpty()) {
            check(frames.isEmpty(), "the edge answered before a whole packet arrived: " + frames);
            check(edge.channel.isOpen(), "the edge closed before a whole packet arrived");
            return;
        }
        MqttMessage first = packets.get(0).message();
        if (first.decoderResult().isFailure()) {
            checkInvalidFirstPacket(first);
        } else if (first.fixedHeader().messageType() != MqttMessageType.CONNECT) {
            check(frames.isEmpty(), "the edge answered a first packet that is not CONNECT (MQTT-3.1.0-1): " + frames);
            check(!edge.channel.isOpen(), "a first packet other than CONNECT did not close the connection (MQTT-3.1.0-1)");
        } else {
            checkConnect((MqttConnectMessage) first);
        }
    }

    private void checkInvalidFirstPacket(MqttMessage first) {
        Throwable cause = first.decoderResult().cause();
        check(!edge.channel.isOpen(), "an invalid first packet did not close the connection: " + cause);
        check(frames.size() <= 1 && frames.stream().allMatch(f -> f.connackCode() != 0),
                "an invalid first packet got more than a refusing CONNACK: " + frames + " (" + cause + ")");
        if (cause instanceof MqttUnacceptableProtocolVersionException) {
            check(frames.size() == 1 && frames.get(0).connackCode() == 0x01,
                    "an unknown protocol level did not get CONNACK 0x01 (MQTT-3.1.2-2): " + frames);
        }
        if (cause instanceof MqttIdentifierRejectedException) {
            check(frames.size() == 1 && (frames.get(0).connackCode() == 0x02 || frames.get(0).connackCode() == 0x85),
                    "a rejected client id did not get CONNACK 0x02 / 0x85 (MQTT-3.1.3-9): " + frames);
        }
        check(edge.auth.calls.isEmpty(), "the edge asked the auth job about an invalid CONNECT");
    }

    private void checkConnect(MqttConnectMessage connect) {
        version = MqttObligations.version(connect);
        keepAlive = connect.variableHeader().keepAliveTimeSeconds();
        Optional<String> problem = MqttObligations.connectProblem(connect);
        boolean refusedByPolicy = MqttObligations.refusedByPolicy(connect, allowAnonymous);
        accepted = !frames.isEmpty() && frames.get(0).connackCode() == 0;
        if (problem.isPresent()) {
            check(!accepted, "the edge accepted a CONNECT it must refuse: " + problem.get());
        } else if (!refusedByPolicy && outcome == AuthOutcome.ALLOWED) {
            check(accepted, "a valid CONNECT the auth job allowed was not accepted: " + frames);
        } else if (outcome != AuthOutcome.ALLOWED) {
            check(!accepted, "the edge accepted a CONNECT the auth job refused");
        }
        if (!accepted) {
            check(!edge.channel.isOpen(), "a refused CONNECT left the connection open");
            check(frames.size() <= 1, "a refused CONNECT got more than its CONNACK: " + frames);
            if (frames.size() == 1) {
                int code = frames.get(0).connackCode();
                check(version == MqttVersion.MQTT_5 ? code >= 0x80 : code >= 1 && code <= 5,
                        "CONNACK code 0x" + Integer.toHexString(code) + " is not a refusal of MQTT " + version);
            }
            return;
        }
        checkSession(MqttObligations.sessionExpiry(connect));
    }

    private void checkSession(long connectSessionExpiry) {
        List<Owed> owed = new ArrayList<>();
        for (Decoded d : packets.subList(1, packets.size())) {
            Owed o = MqttObligations.forSessionPacket(d.message(), version, connectSessionExpiry);
            if (o instanceof End e) {
                end = e;
                break;
            }
            owed.add(o);
        }
        List<Frame> replies = new ArrayList<>(frames.subList(1, frames.size()));
        Frame disconnect = null;
        if (!replies.isEmpty() && replies.get(replies.size() - 1).type() == MqttMessageType.DISCONNECT) {
            disconnect = replies.remove(replies.size() - 1);
        }
        for (Frame f : replies) {
            check(f.type() != MqttMessageType.DISCONNECT, "the edge sent packets after its DISCONNECT: " + frames);
            check(f.type() != MqttMessageType.PUBLISH && f.type() != MqttMessageType.AUTH,
                    "the edge sent " + f.type() + " unasked: " + frames);
        }
        boolean open = edge.channel.isOpen();
        if (end == null) {
            check(open, "the edge closed a connection none of whose packets calls for it; sent " + frames);
        } else {
            check(!open, "the connection stayed open after " + end.why());
            if (version == MqttVersion.MQTT_5 && !end.byClient()) {
                check(disconnect != null && end.reasonCodes().contains(disconnect.disconnectReason()),
                        "5.0 connection ended for " + end.why() + " without DISCONNECT " + end.reasonCodes() + ": got "
                                + frames);
            }
            if (end.byClient()) {
                check(disconnect == null, "the edge answered the client's DISCONNECT with one: " + frames);
            }
        }
        check(version == MqttVersion.MQTT_5 || disconnect == null, "a 3.1.1 client got a DISCONNECT: " + frames);
        checkReplies(owed, replies, open);
    }

    private void checkReplies(List<Owed> owed, List<Frame> replies, boolean open) {
        List<Ordered> expected = owed.stream().filter(Ordered.class::isInstance).map(Ordered.class::cast).toList();
        List<Frame> ordered = replies.stream().filter(f -> isOrdered(f.type())).toList();
        check(ordered.size() <= expected.size() && (!open || ordered.size() == expected.size()),
                "the edge sent " + ordered + " for the packets that owe " + expected);
        for (int i = 0; i < ordered.size(); i++) {
            Frame f = ordered.get(i);
            Ordered o = expected.get(i);
            check(f.type() == o.type() && f.packetId() == o.packetId(),
                    "reply " + i + " is " + f + ", owed " + o.type() + " " + o.packetId() + " (arrival order, 4.6)");
            if (o.subscribe() != null) {
                checkSubAck(f, o.subscribe().payload().topicSubscriptions());
            }
        }
        for (MqttMessageType type : List.of(MqttMessageType.PINGRESP, MqttMessageType.PUBREL)) {
            List<Integer> owedIds = owed.stream().filter(o -> o instanceof Immediate i && i.type() == type)
                    .map(o -> ((Immediate) o).packetId()).toList();
            List<Integer> sent = replies.stream().filter(f -> f.type() == type)
                    .map(f -> type == MqttMessageType.PINGRESP ? -1 : f.packetId()).toList();
            check(sent.size() <= owedIds.size() && (!open || sent.size() == owedIds.size())
                            && owedIds.subList(0, sent.size()).equals(sent),
                    "the edge sent " + type + " " + sent + " where " + owedIds + " are owed");
        }
    }

    private void checkSubAck(Frame subAck, List<MqttTopicSubscription> filters) {
        int codesAt = version == MqttVersion.MQTT_5 ? 3 : 2;
        check(subAck.body().length - codesAt == filters.size(),
                "SUBACK " + subAck + " does not have one code per filter of " + filters + " (MQTT-3.8.4-6)");
        for (int i = 0; i < filters.size(); i++) {
            int code = subAck.body()[codesAt + i] & 0xFF;
            MqttTopicSubscription s = filters.get(i);
            boolean valid = TopicFilters.filterProblem(s.topicFilter()).isEmpty();
            check(valid ? code == s.option().qos().value() : code >= 0x80,
                    "SUBACK code 0x" + Integer.toHexString(code) + " for filter '" + s.topicFilter() + "' "
                            + s.option());
        }
    }

    /** With nothing more coming, every connection ends: by the connect timeout, or by the keep-alive if it has one. */
    private void checkTimeouts() {
        if (!edge.channel.isOpen()) {
            return;
        }
        int framesBefore = frames.size();
        edge.advanceMillis(edge.config.connectTimeout().toMillis() + keepAlive * 1500L + 1000);
        if (accepted && keepAlive == 0) {
            check(edge.channel.isOpen(), "a connection without keep-alive was closed while idle");
            return;
        }
        check(!edge.channel.isOpen(), accepted ? "the keep-alive did not end an idle connection (MQTT-3.1.2-24)"
                : "the connect timeout did not end a connection without CONNECT");
        List<Frame> after = ServerFrames.parse(edge.written());
        List<Frame> added = after.subList(framesBefore, after.size());
        if (accepted && version == MqttVersion.MQTT_5) {
            check(added.size() == 1 && added.get(0).type() == MqttMessageType.DISCONNECT
                            && added.get(0).disconnectReason() == 0x8D,
                    "keep-alive expiry of a 5.0 connection sent " + added + ", not DISCONNECT 0x8D");
        } else {
            check(added.isEmpty(), "a timeout sent " + added);
        }
    }

    private void checkEnd() {
        boolean wasOpen = edge.channel.isOpen();
        edge.end();
        check(edge.unreleasedInput().isEmpty(), edge.unreleasedInput().size() + " of the buffers fed to the edge "
                + "are still referenced after the connection closed (a leak)");
        List<SessionEvent> connected = edge.events.ofType(SessionEventType.CONNECTED);
        List<SessionEvent> disconnected = edge.events.ofType(SessionEventType.DISCONNECTED);
        if (!accepted) {
            check(connected.isEmpty() && disconnected.isEmpty(), "session events for a connection never accepted");
            return;
        }
        check(connected.size() == 1 && disconnected.size() == 1,
                "an accepted connection reported " + connected.size() + " CONNECTED and " + disconnected.size()
                        + " DISCONNECTED");
        SessionEvent gone = disconnected.get(0);
        String reason = String.valueOf(gone.getReason());
        check(!reason.startsWith("I/O error"), "a handler threw: " + reason);
        boolean willDue = wasOpen || end == null || end.will();
        check(gone.getPublishWill() == willDue, "DISCONNECTED says publishWill=" + gone.getPublishWill() + " after "
                + (wasOpen || end == null ? "a lost connection or timeout" : end.why()) + " (" + reason + ")");
        check(version == MqttVersion.MQTT_5 || gone.getSessionExpirySeconds() == null,
                "a 3.1.1 client changed its session expiry on DISCONNECT: " + gone.getSessionExpirySeconds());
        for (SessionEvent e : edge.events.ofType(SessionEventType.SUBSCRIBED)) {
            for (Subscription s : e.getSubscriptions()) {
                check(TopicFilters.filterProblem(s.getFilter()).isEmpty() && s.getQos() >= 0 && s.getQos() <= 2
                                && s.getRetainHandling() >= 0 && s.getRetainHandling() <= 2,
                        "SUBSCRIBED carries a subscription the sessions job dead-letters: " + s);
            }
        }
        edge.ingress.sends.forEach(s -> check(TopicFilters.topicNameProblem(s.envelope().getTopic()).isEmpty()
                && s.envelope().getQos() >= 0 && s.envelope().getQos() <= 2, "stored an invalid PUBLISH: " + s));
    }

    private static boolean isOrdered(MqttMessageType type) {
        return type == MqttMessageType.PUBACK || type == MqttMessageType.PUBREC || type == MqttMessageType.PUBCOMP
                || type == MqttMessageType.SUBACK || type == MqttMessageType.UNSUBACK;
    }

    private static void check(boolean condition, String failure) {
        if (!condition) {
            throw new AssertionError(failure);
        }
    }
}
