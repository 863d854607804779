package io.gull.flink.decode;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.apache.avro.SchemaNormalization;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Ways to break a single-object encoded Avro record: blind ones (bit flips, changed, inserted and deleted bytes,
 * truncation) and aimed ones: a length or count replaced by a huge, negative or over-long varint, and the header's
 * fingerprint swapped for another record type's (the body then read with the wrong schema). Offsets are taken
 * modulo the record's length, so any mutation applies to any record and shrinks well.
 */
final class RecordMutations {
    /** Magic bytes and the 8-byte fingerprint. */
    static final int HEADER = 10;

    /** One change to an encoded record. */
    sealed interface Mutation {
        byte[] apply(byte[] value);
    }

    record FlipBit(int bit) implements Mutation {
        @Override
        public byte[] apply(byte[] value) {
            byte[] out = value.clone();
            if (out.length > 0) {
                int at = Math.floorMod(bit, out.length * 8);
                out[at / 8] ^= (byte) (1 << (at % 8));
            }
            return out;
        }
    }

    record SetByte(int offset, byte to) implements Mutation {
        @Override
        public byte[] apply(byte[] value) {
            byte[] out = value.clone();
            if (out.length > 0) {
                out[Math.floorMod(offset, out.length)] = to;
            }
            return out;
        }
    }

    record Truncate(int keep) implements Mutation {
        @Override
        public byte[] apply(byte[] value) {
            return Arrays.copyOf(value, Math.floorMod(keep, value.length + 1));
        }
    }

    record Delete(int offset, int count) implements Mutation {
        @Override
        public byte[] apply(byte[] value) {
            int at = Math.floorMod(offset, value.length + 1);
            int end = Math.min(value.length, at + count);
            byte[] out = new byte[value.length - (end - at)];
            System.arraycopy(value, 0, out, 0, at);
            System.arraycopy(value, end, out, at, value.length - end);
            return out;
        }
    }

    record Insert(int offset, byte[] bytes) implements Mutation {
        @Override
        public byte[] apply(byte[] value) {
            return splice(value, Math.floorMod(offset, value.length + 1), 0, bytes);
        }

        @Override
        public String toString() {
            return "Insert[offset=" + offset + ", bytes=" + HexFormat.of().formatHex(bytes) + "]";
        }
    }

    /** Replaces the byte at {@code offset} of the body (a length, a count, a union index ...) with a varint. */
    record Varint(int offset, long zigzagged) implements Mutation {
        @Override
        public byte[] apply(byte[] value) {
            if (value.length <= HEADER) {
                return value;
            }
            int at = HEADER + Math.floorMod(offset, value.length - HEADER);
            return splice(value, at, 1, varint(zigzagged));
        }
    }

    /** Writes another record type's fingerprint into the header: the body is then read with the wrong schema. */
    record OtherType(Decoders type) implements Mutation {
        @Override
        public byte[] apply(byte[] value) {
            if (value.length < HEADER) {
                return value;
            }
            byte[] out = value.clone();
            long fingerprint = SchemaNormalization.parsingFingerprint64(type.schema);
            for (int i = 0; i < 8; i++) {
                out[2 + i] = (byte) (fingerprint >>> (8 * i));
            }
            return out;
        }
    }

    private RecordMutations() {
    }

    static byte[] apply(byte[] value, List<Mutation> mutations) {
        byte[] out = value;
        for (Mutation m : mutations) {
            out = m.apply(out);
        }
        return out;
    }

    static Arbitrary<Mutation> mutations() {
        Arbitrary<Integer> offset = Arbitraries.integers().between(0, 10_000);
        return Arbitraries.frequencyOf(
                Tuple.of(3, offset.map(FlipBit::new)),
                Tuple.of(2, Combinators.combine(offset, Arbitraries.bytes()).as(SetByte::new)),
                Tuple.of(1, offset.map(Truncate::new)),
                Tuple.of(1, Combinators.combine(offset, Arbitraries.integers().between(1, 8)).as(Delete::new)),
                Tuple.of(1, Combinators.combine(offset, Arbitraries.bytes().array(byte[].class).ofMinSize(1)
                        .ofMaxSize(8)).as(Insert::new)),
                Tuple.of(8, Combinators.combine(offset, lengths()).as(Varint::new)),
                Tuple.of(1, Arbitraries.of(Decoders.class).map(OtherType::new)));
    }

    /**
     * Zigzag-encoded values for a length or count: huge (below and at Avro's own 2147483639 limit), negative (an
     * array block with a byte size), the largest longs, and small ones.
     */
    private static Arbitrary<Long> lengths() {
        return Arbitraries.frequencyOf(Tuple.of(3,
                Arbitraries.of(2_147_483_639L, 2_147_483_647L, 1_000_000_000L, 400_000_000L, 50_000_000L,
                        1_048_577L, 65_536L, -1L, -2L, -50_000_000L, -2_147_483_648L, Long.MAX_VALUE, Long.MIN_VALUE)
                        .map(v -> (v << 1) ^ (v >> 63))),
                Tuple.of(1, Arbitraries.longs().between(0, 300)));
    }

    /** An Avro varint of an already zigzagged value, 1-10 bytes. */
    static byte[] varint(long zigzagged) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long n = zigzagged;
        while ((n & ~0x7FL) != 0) {
            out.write((int) ((n & 0x7F) | 0x80));
            n >>>= 7;
        }
        out.write((int) n);
        return out.toByteArray();
    }

    private static byte[] splice(byte[] value, int at, int remove, byte[] insert) {
        int end = Math.min(value.length, at + remove);
        byte[] out = new byte[value.length - (end - at) + insert.length];
        System.arraycopy(value, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(value, end, out, at + insert.length, value.length - end);
        return out;
    }
}
