package io.gull.edge.mqtt;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import java.util.List;

import io.gull.edge.mqtt.ClientPackets.Connect;
import io.gull.edge.mqtt.ClientPackets.Packet;
import io.gull.edge.mqtt.PacketMutations.Mutation;
import io.gull.schemas.avro.AuthOutcome;
import io.netty.handler.codec.mqtt.MqttVersion;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** The fuzzed connections: what a client sends, in which chunks, and what the auth job decides. */
final class EdgeScenarios {

    /** How the other end behaves: the chunks its bytes arrive in, the auth decision, the edge's anonymous setting. */
    record Conditions(List<Integer> chunks, AuthOutcome outcome, boolean allowAnonymous) {
        int maxChunk() {
            return chunks.stream().mapToInt(Integer::intValue).max().orElse(1);
        }
    }

    /** A CONNECT and what follows it, encoded in {@code version}, then broken by {@code mutations}. */
    record Session(MqttVersion version, Connect connect, List<Packet> rest, List<Mutation> mutations) {
        byte[] stream() {
            List<byte[]> packets = PacketMutations.mutate(ClientPackets.encode(version, connect, rest), mutations,
                    version == MqttVersion.MQTT_5);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            packets.forEach(out::writeBytes);
            return out.toByteArray();
        }

        @Override
        public String toString() {
            byte[] stream = stream();
            return "Session[" + version + ", " + connect + ", " + rest + ", mutations=" + mutations + ", stream="
                    + HexFormat.of().formatHex(stream, 0, Math.min(stream.length, 400))
                    + (stream.length > 400 ? "... (" + stream.length + " bytes)" : "") + "]";
        }
    }

    private EdgeScenarios() {
    }

    static Arbitrary<Conditions> conditions() {
        Arbitrary<Integer> chunk = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.integers().between(1, 64)),
                Tuple.of(1, Arbitraries.integers().between(65, 512)));
        Arbitrary<AuthOutcome> outcome = Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.just(AuthOutcome.ALLOWED)),
                Tuple.of(1, Arbitraries.of(AuthOutcome.BAD_CREDENTIALS, AuthOutcome.NOT_AUTHORIZED,
                        AuthOutcome.UNKNOWN_DEVICE)));
        return Combinators.combine(chunk.list().ofMinSize(1).ofMaxSize(6), outcome, Arbitraries.of(false, true))
                .as(Conditions::new);
    }

    static Arbitrary<Session> validSessions() {
        return sessions(Arbitraries.just(List.of()));
    }

    static Arbitrary<Session> mutatedSessions() {
        return sessions(PacketMutations.mutations().list().ofMinSize(1).ofMaxSize(4));
    }

    private static Arbitrary<Session> sessions(Arbitrary<List<Mutation>> mutations) {
        return Combinators.combine(ClientPackets.versions(), ClientPackets.connects(),
                ClientPackets.sessionPackets().list().ofMaxSize(10), mutations).as(Session::new);
    }

    /** Bytes of no particular form; {@link #afterConnect} puts a valid CONNECT before them. */
    static Arbitrary<byte[]> noise() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(600);
    }

    /** A CONNECT the edge accepts once allowed, in {@code version}, as bytes. */
    static byte[] afterConnect(MqttVersion version, byte[] noise) {
        Connect connect = new Connect("dev1", "dev1", "pw", 30, true, null, List.of());
        byte[] head = ClientPackets.encode(version, connect, List.of()).get(0);
        byte[] stream = new byte[head.length + noise.length];
        System.arraycopy(head, 0, stream, 0, head.length);
        System.arraycopy(noise, 0, stream, head.length, noise.length);
        return stream;
    }
}
