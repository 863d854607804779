package io.gull.edge.mqtt;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalInt;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Ways to break a client's packet stream: blind ones (bit flips, truncation, inserted bytes) and ones aimed at the
 * fields a server must validate (Remaining Length, CONNECT flags, UTF-8 strings, property ids, subscription options,
 * the order of packets). Each picks its packet and offset by index modulo what is there, so any value applies to any
 * stream and shrinks well.
 */
final class PacketMutations {

    /** One change to a stream of encoded packets. */
    sealed interface Mutation {
        void apply(List<byte[]> packets, boolean v5);
    }

    record FlipBit(int packet, int bit) implements Mutation {
        @Override
        public void apply(List<byte[]> packets, boolean v5) {
            byte[] p = pick(packets, packet);
            if (p.length > 0) {
                int at = Math.floorMod(bit, p.length * 8);
                p[at / 8] ^= (byte) (1 << (at % 8));
            }
        }
    }

    record SetByte(int packet, int offset, byte value) implements Mutation {
        @Override
        public void apply(List<byte[]> packets, boolean v5) {
            byte[] p = pick(packets, packet);
            if (p.length > 0) {
                p[Math.floorMod(offset, p.length)] = value;
            }
        }
    }

    /** Cuts a packet short; the next packet's bytes are then read as the rest of it. */
    record Truncate(int packet, int keep) implements Mutation {
        @Override
        public void apply(List<byte[]> packets, boolean v5) {
            int i = index(packets, packet);
            byte[] p = packets.get(i);
            packets.set(i, java.util.Arrays.copyOf(p, Math.floorMod(keep, p.length + 1)));
        }
    }

    record Insert(int packet, int offset, byte[] bytes) implements Mutation {
        @Override
        public void apply(List<byte[]> packets, boolean v5) {
            int i = index(packets, packet);
            byte[] p = packets.get(i);
            int at = Math.floorMod(offset, p.length + 1);
            byte[] out = new byte[p.length + bytes.length];
            System.arraycopy(p, 0, out, 0, at);
            System.arraycopy(bytes, 0, out, at, bytes.length);
            System.arraycopy(p, at, out, at + bytes.length, p.length - at);
            packets.set(i, out);
        }

        @Override
        public String toString() {
            return "Insert[packet=" + packet + ", offset=" + offset + ", bytes=" + HexFormat.of().formatHex(bytes) + "]";
        }
    }

    /** Appends bytes to a packet within its Remaining Length: more than the packet has (a 3.1.1 DISCONNECT body). */
    record Extend(int packet, byte[] bytes) implements Mutation {
        @Override
        public void apply(List<byte[]> packets, boolean v5) {
            int i = index(packets, packet);
            byte[] p = packets.get(i);
            if (p.length == 0) {
                return;
            }
            byte[] body = PacketLayout.body(p);
            byte[] longer = java.util.Arrays.copyOf(body, body.length + bytes.length);
            System.arraycopy(bytes, 0, longer, body.length, bytes.length);
            packets.set(i, PacketLayout.withBody(p[0], longer));
        }

        @Override
        public String toString() {
            return "Extend[packet=" + packet + ", bytes=" + HexFormat.of().formatHex(bytes) + "]";
        }
    }

    /** Rewrites the Remaining Length: too small, too large, huge, or the invalid five-byte form. */
    record RemainingLength(int packet, long value) implements Mutation {
        @Override
        public void apply(List<byte[]> packets, boolean v5) {
            int i = index(packets, packet);
            byte[] p = packets.get(i);
            if (p.length == 0) {
                return;
            }
            byte[] body = PacketLayout.body(p);
            byte[] length = PacketLayout.varInt(value);
            byte[] out = new byte[1 + length.length + body.length];
            out[0] = p[0];
            System.arraycopy(length, 0, out, 1, length.length);
            System.arraycopy(body, 0, out, 1 + length.length, body.length);
            packets.set(i, out);
        }
    }

    /** Sets the flags byte of the first CONNECT (will flag, will QoS, will retain, user name, password, reserved). */
    record ConnectFlags(int value) implements Mutation {
        @Override
        public void apply(List<byte[]> packets, boolean v5) {
            for (byte[] p : packets) {
                OptionalInt flags = p.length > 0 ? PacketLayout.connectFlags(p) : OptionalInt.empty();
                if (flags.isPresent()) {
                    p[flags.getAsInt()] = (byte) value;
                    return;
                }
            }
        }
    }

    /** Puts ill-formed UTF-8 (or U+0000) into the client id, topic or first filter of a packet. */
    record BadUtf8(int packet, int sequence) implements Mutation {
        static final byte[][] SEQUENCES = {
            {(byte) 0xFF}, {(byte) 0xC0}, {(byte) 0x80}, {0x00}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}};

        @Override
        public void apply(List<byte[]> packets, boolean v5) {
            byte[] p = pick(packets, packet);
            OptionalInt string = p.length > 0 ? PacketLayout.firstString(p, v5) : OptionalInt.empty();
            if (string.isEmpty() || string.getAsInt() + 1 >= p.length) {
                return;
            }
            int at = string.getAsInt();
            int length = (p[at] & 0xFF) << 8 | p[at + 1] & 0xFF;
            byte[] bad = SEQUENCES[Math.floorMod(sequence, SEQUENCES.length)];
            if (length >= bad.length && at + 2 + bad.length <= p.length) {
                System.arraycopy(bad, 0, p, at + 2, bad.length);
            }
        }
    }

    /** Makes the first property of a 5.0 packet carry {@code id}, which may be unknown or not meant for it. */
    record PropertyId(int packet, int id) implements Mutation {
        @Override
        public void apply(List<byte[]> packets, boolean v5) {
            byte[] p = pick(packets, packet);
            OptionalInt props = v5 && p.length > 0 ? PacketLayout.properties(p) : OptionalInt.empty();
            if (props.isEmpty()) {
                return;
            }
            int at = props.getAsInt();
            if (p[at] != 0) {
                if ((p[at] & 0x80) == 0 && at + 1 < p.length) {
                    p[at + 1] = (byte) id;
                }
                return;
            }
            // no properties yet: one of two bytes (the id and a zero value byte)
            byte[] body = PacketLayout.body(p);
            int bodyAt = at - PacketLayout.headerLength(p);
            byte[] out = new byte[body.length + 2];
            System.arraycopy(body, 0, out, 0, bodyAt);
            out[bodyAt] = 2;
            out[bodyAt + 1] = (byte) id;
            out[bodyAt + 2] = 0;
            System.arraycopy(body, bodyAt + 1, out, bodyAt + 3, body.length - bodyAt - 1);
            packets.set(index(packets, packet), PacketLayout.withBody(p[0], out));
        }
    }

    /** Sets the options byte of a SUBSCRIBE's first filter (QoS 3, Retain Handling 3, reserved bits). */
    record SubscriptionOptions(int packet, int value) implements Mutation {
        @Override
        public void apply(List<byte[]> packets, boolean v5) {
            for (int i = 0; i < packets.size(); i++) {
                byte[] p = packets.get(Math.floorMod(packet + i, packets.size()));
                OptionalInt options = p.length > 0 ? PacketLayout.firstSubscriptionOptions(p, v5) : OptionalInt.empty();
                if (options.isPresent()) {
                    p[options.getAsInt()] = (byte) value;
                    return;
                }
            }
        }
    }

    /** Sends a packet twice (a second CONNECT, a resent PUBLISH). */
    record Duplicate(int packet) implements Mutation {
        @Override
        public void apply(List<byte[]> packets, boolean v5) {
            int i = index(packets, packet);
            packets.add(i + 1, packets.get(i).clone());
        }
    }

    /** Moves a packet elsewhere (a PUBLISH before the CONNECT, the CONNECT behind others). */
    record Move(int from, int to) implements Mutation {
        @Override
        public void apply(List<byte[]> packets, boolean v5) {
            byte[] p = packets.remove(index(packets, from));
            packets.add(Math.floorMod(to, packets.size() + 1), p);
        }
    }

    record Drop(int packet) implements Mutation {
        @Override
        public void apply(List<byte[]> packets, boolean v5) {
            if (packets.size() > 1) {
                packets.remove(index(packets, packet));
            }
        }
    }

    private PacketMutations() {
    }

    /** Applies {@code mutations} in order to copies of {@code packets}. */
    static List<byte[]> mutate(List<byte[]> packets, List<Mutation> mutations, boolean v5) {
        List<byte[]> out = new ArrayList<>();
        packets.forEach(p -> out.add(p.clone()));
        for (Mutation m : mutations) {
            if (!out.isEmpty()) {
                m.apply(out, v5);
            }
        }
        return out;
    }

    static Arbitrary<Mutation> mutations() {
        Arbitrary<Integer> packet = Arbitraries.integers().between(0, 12);
        Arbitrary<Integer> offset = Arbitraries.integers().between(0, 4000);
        return Arbitraries.frequencyOf(
                Tuple.of(3, Combinators.combine(packet, offset).as(FlipBit::new)),
                Tuple.of(2, Combinators.combine(packet, offset, Arbitraries.bytes()).as(SetByte::new)),
                Tuple.of(2, Combinators.combine(packet, offset).as(Truncate::new)),
                Tuple.of(1, Combinators.combine(packet, offset, Arbitraries.bytes().array(byte[].class).ofMaxSize(8))
                        .as(Insert::new)),
                Tuple.of(3, Combinators.combine(packet, remainingLengths()).as(RemainingLength::new)),
                Tuple.of(2, Combinators.combine(packet, Arbitraries.oneOf(
                        Arbitraries.just(new byte[] {0, 5, 0x11, 0, 0, 0, 30}),
                        Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(8))).as(Extend::new)),
                Tuple.of(3, Arbitraries.integers().between(0, 255).map(ConnectFlags::new)),
                Tuple.of(3, Combinators.combine(packet, Arbitraries.integers().between(0, 6)).as(BadUtf8::new)),
                Tuple.of(2, Combinators.combine(packet, propertyIds()).as(PropertyId::new)),
                Tuple.of(2, Combinators.combine(packet, Arbitraries.integers().between(0, 255))
                        .as(SubscriptionOptions::new)),
                Tuple.of(2, packet.map(Duplicate::new)),
                Tuple.of(2, Combinators.combine(packet, packet).as(Move::new)),
                Tuple.of(1, packet.map(Drop::new)));
    }

    private static Arbitrary<Long> remainingLengths() {
        long max = FuzzedEdge.MAX_PACKET_SIZE;
        return Arbitraries.oneOf(
                Arbitraries.of(0L, 1L, 2L, 127L, 128L, 16_383L, 16_384L, max - 2, max - 1, max, max + 1, 2_097_152L,
                        268_435_455L, 268_435_456L),
                Arbitraries.longs().between(0, 300));
    }

    /** Unknown ids, and ids valid in MQTT 5 but not in every packet (server-only ones, Will Delay, Topic Alias). */
    private static Arbitrary<Integer> propertyIds() {
        return Arbitraries.oneOf(Arbitraries.of(0, 4, 5, 7, 0x10, 0x2B, 0x7F, 0xFF, 0x12, 0x13, 0x18, 0x1A, 0x1C, 0x24,
                0x25, 0x28, 0x29, 0x2A, 0x23, 0x0B, 0x21), Arbitraries.integers().between(0, 255));
    }

    private static int index(List<byte[]> packets, int packet) {
        return Math.floorMod(packet, packets.size());
    }

    private static byte[] pick(List<byte[]> packets, int packet) {
        return packets.get(index(packets, packet));
    }
}
