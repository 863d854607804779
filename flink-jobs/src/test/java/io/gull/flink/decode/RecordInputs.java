package io.gull.flink.decode;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericRecord;

import io.gull.flink.decode.RecordMutations.Mutation;
import io.gull.flink.kafka.RawRecord;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** The Kafka records fuzzed into the decoders: which decoder, and the record's key and value. */
final class RecordInputs {

    /** One consumed record for {@code decoder}; {@code value} null is a tombstone. */
    record Input(Decoders decoder, byte[] key, byte[] value) {
        RawRecord raw() {
            return new RawRecord(decoder.topic, 3, 42, RawRecord.NO_TIMESTAMP, key, value);
        }

        @Override
        public String toString() {
            return "Input[" + decoder + ", key=" + (key == null ? "null" : new String(key, StandardCharsets.UTF_8))
                    + ", value=" + (value == null ? "null" : HexFormat.of().formatHex(value, 0, Math.min(value.length, 300))
                    + (value.length > 300 ? "... (" + value.length + " bytes)" : "")) + "]";
        }
    }

    private RecordInputs() {
    }

    /** Anything: no value, random bytes, random bytes behind the right single-object header. */
    static Arbitrary<Input> arbitraryBytes() {
        return Arbitraries.of(Decoders.class).flatMap(decoder -> {
            Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
            Arbitrary<byte[]> behindHeader = random.map(body -> withHeader(decoder, body));
            Arbitrary<byte[]> values = Arbitraries.frequencyOf(Tuple.of(3, random), Tuple.of(6, behindHeader),
                    Tuple.of(1, Arbitraries.just(null)));
            return Combinators.combine(keys(), values).as((key, value) -> new Input(decoder, key, value));
        });
    }

    /** Well-formed records of the decoder's type, written with its current or any released schema. */
    static Arbitrary<Input> records() {
        return records(Arbitraries.just(List.of()));
    }

    /** Well-formed records, then broken by one to four {@link RecordMutations}. */
    static Arbitrary<Input> brokenRecords() {
        return records(RecordMutations.mutations().list().ofMinSize(1).ofMaxSize(4));
    }

    private static Arbitrary<Input> records(Arbitrary<List<Mutation>> mutations) {
        Map<Decoders, Arbitrary<Input>> byDecoder = new EnumMap<>(Decoders.class);
        for (Decoders decoder : Decoders.values()) {
            Arbitrary<GenericRecord> records = Arbitraries.oneOf(decoder.writerSchemas().stream()
                    .map(schema -> AvroRecords.of(schema).map(GenericRecord.class::cast)).toList());
            byDecoder.put(decoder, Combinators.combine(records, mutations, Arbitraries.integers().between(0, 9),
                    Arbitraries.bytes().array(byte[].class).ofMaxSize(8)).as((record, ms, keyChoice, otherKey) ->
                    new Input(decoder, key(decoder, record, keyChoice, otherKey),
                            RecordMutations.apply(AvroRecords.encode(record), ms))));
        }
        return Arbitraries.of(Decoders.class).flatMap(byDecoder::get);
    }

    /** Keys: mostly the device id where the topic is keyed by it, else a client id; sometimes anything or none. */
    private static byte[] key(Decoders decoder, GenericRecord record, int choice, byte[] other) {
        if (choice == 0) {
            return null;
        }
        if (choice == 1) {
            return other;
        }
        String deviceId = deviceIdOf(decoder, record);
        return (deviceId == null ? "dev1" : deviceId).getBytes(StandardCharsets.UTF_8);
    }

    /** Keys of arbitrary records: mostly a client id, sometimes anything or none. */
    private static Arbitrary<byte[]> keys() {
        return Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just("dev1".getBytes(StandardCharsets.UTF_8))),
                Tuple.of(1, Arbitraries.just(null)), Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(8)));
    }

    private static String deviceIdOf(Decoders decoder, GenericRecord record) {
        return decoder.keyedByDevice() && record.get("deviceId") != null ? record.get("deviceId").toString() : null;
    }

    private static byte[] withHeader(Decoders decoder, byte[] body) {
        long fingerprint = SchemaNormalization.parsingFingerprint64(decoder.schema);
        byte[] out = new byte[RecordMutations.HEADER + body.length];
        out[0] = (byte) 0xC3;
        out[1] = 0x01;
        for (int i = 0; i < 8; i++) {
            out[2 + i] = (byte) (fingerprint >>> (8 * i));
        }
        System.arraycopy(body, 0, out, RecordMutations.HEADER, body.length);
        return out;
    }
}
