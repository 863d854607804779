package io.gull.edge.mqtt;

import io.gull.edge.mqtt.EdgeScenarios.Conditions;
import io.gull.edge.mqtt.EdgeScenarios.Session;
import io.netty.handler.codec.mqtt.MqttVersion;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Bad input at the edge's inbound pipeline, for a fixed budget ({@link FuzzBudget}; {@code -Dgull.fuzz.tries=N} for
 * a long run). Whatever a client sends, in whatever chunks: the connection stays open and gets the answers MQTT
 * requires, or it ends, with the CONNACK / DISCONNECT reason code MQTT requires there; no exception leaves the
 * pipeline, the edge holds no more than one packet's bytes, releases every buffer, never hangs (timeouts end every
 * connection that can end), and tells the sessions job exactly once that an accepted connection came and went
 * ({@link EdgeVerdict}). Netty's paranoid leak detection runs meanwhile ({@link LeakWatch}).
 */
@AddLifecycleHook(FuzzBudget.class)
class EdgeInboundFuzzTest {

    @BeforeContainer
    static void watchForLeaks() {
        LeakWatch.start();
    }

    @AfterContainer
    static void noLeaks() {
        LeakWatch.stopAndCheck();
    }

    @Property(tries = 2000)
    void arbitraryBytesEndInAnAnswerOrAClose(@ForAll("noise") byte[] stream, @ForAll("conditions") Conditions when) {
        run(stream, when);
    }

    @Property(tries = 1500)
    void validPacketsGetTheAnswersMqttRequires(@ForAll("validSessions") Session session,
                                               @ForAll("conditions") Conditions when) {
        run(session.stream(), when);
    }

    @Property(tries = 5000)
    void brokenPacketsGetAProtocolCorrectAnswerOrClose(@ForAll("mutatedSessions") Session session,
                                                       @ForAll("conditions") Conditions when) {
        run(session.stream(), when);
    }

    @Property(tries = 2000)
    void arbitraryBytesAfterAnAcceptedConnectGetAnAnswerOrAClose(@ForAll("versions") MqttVersion version,
                                                                @ForAll("noise") byte[] noise,
                                                                @ForAll("conditions") Conditions when) {
        run(EdgeScenarios.afterConnect(version, noise), when);
    }

    /** Given a fresh edge connection, when {@code stream} arrives in the chunks of {@code when}, then it conforms. */
    static void run(byte[] stream, Conditions when) {
        try (FuzzedEdge edge = new FuzzedEdge(when.outcome(), when.allowAnonymous())) {
            edge.feed(stream, when.chunks());
            EdgeVerdict.judge(edge, when.outcome(), when.allowAnonymous(), when.maxChunk());
        }
    }

    @Provide
    Arbitrary<byte[]> noise() {
        return EdgeScenarios.noise();
    }

    @Provide
    Arbitrary<MqttVersion> versions() {
        return ClientPackets.versions();
    }

    @Provide
    Arbitrary<Conditions> conditions() {
        return EdgeScenarios.conditions();
    }

    @Provide
    Arbitrary<Session> validSessions() {
        return EdgeScenarios.validSessions();
    }

    @Provide
    Arbitrary<Session> mutatedSessions() {
        return EdgeScenarios.mutatedSessions();
    }
}
