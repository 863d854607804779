package io.gull.flink.decode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Records of any Avro schema as jqwik generators, built from the schema itself (so every record type and every
 * released version of it is covered, and new fields are without test changes), with values drawn from what the
 * decoders check: valid and invalid edge ids, topic names and filters, QoS-like small ints, extreme timestamps, empty
 * and oversized payloads. Encoded with Avro single-object encoding, as {@code io.gull.schemas.AvroCodec} writes.
 */
final class AvroRecords {

    /** Built once per schema: jqwik's flatMap asks for them on every try. */
    private static final Map<Schema, Arbitrary<Object>> BUILT = new ConcurrentHashMap<>();

    private AvroRecords() {
    }

    /** A datum of {@code schema} in Avro's generic representation. */
    static Arbitrary<Object> of(Schema schema) {
        Arbitrary<Object> built = BUILT.get(schema);
        if (built == null) {
            built = build(schema);
            BUILT.put(schema, built);
        }
        return built;
    }

    private static Arbitrary<Object> build(Schema schema) {
        return switch (schema.getType()) {
            case RECORD -> record(schema);
            case UNION -> Arbitraries.oneOf(schema.getTypes().stream().map(AvroRecords::of).toList());
            case ARRAY -> of(schema.getElementType()).list().ofMaxSize(3)
                    .map(items -> (Object) new GenericData.Array<>(schema, items));
            case MAP -> Arbitraries.maps(strings(), of(schema.getValueType())).ofMaxSize(2).map(m -> (Object) m);
            case ENUM -> Arbitraries.of(schema.getEnumSymbols())
                    .map(symbol -> (Object) new GenericData.EnumSymbol(schema, symbol));
            case STRING -> strings().map(s -> (Object) s);
            case BYTES -> byteSizes().map(n -> (Object) ByteBuffer.wrap(new byte[n]));
            case FIXED -> Arbitraries.just(new GenericData.Fixed(schema, new byte[schema.getFixedSize()]));
            case INT -> ints().map(i -> (Object) i);
            case LONG -> longs().map(l -> (Object) l);
            case FLOAT -> Arbitraries.floats().map(f -> (Object) f);
            case DOUBLE -> Arbitraries.doubles().map(d -> (Object) d);
            case BOOLEAN -> Arbitraries.of(true, false).map(b -> (Object) b);
            case NULL -> Arbitraries.just(null);
        };
    }

    /** {@code record} single-object encoded with its schema (the fingerprint of {@code record.getSchema()}). */
    static byte[] encode(GenericRecord record) {
        try {
            ByteBuffer buffer = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), record.getSchema())
                    .encode(record);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Arbitrary<Object> record(Schema schema) {
        List<Arbitrary<Object>> fields = new ArrayList<>();
        schema.getFields().forEach(f -> fields.add(of(f.schema())));
        return Combinators.combine(fields).as(values -> {
            GenericData.Record record = new GenericData.Record(schema);
            for (int i = 0; i < values.size(); i++) {
                record.put(i, values.get(i));
            }
            return record;
        });
    }

    /** Ids, edge ids, topic names and filters, valid and not, the password algorithm, and anything. */
    static Arbitrary<String> strings() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of("edge-1", "dev1", "acme", "m-1", "r1", "inc-7", "PBKDF2WithHmacSHA256")),
                Tuple.of(4, Arbitraries.of("devices/dev1/temp", "a/+", "#", "a/#/b", "$share/g/a/#", "$share/g/+",
                        "$share/abc", "$share/", "$share", "$share//a", "edge/1", "a\u0000b")),
                Tuple.of(2, Arbitraries.of("", "x".repeat(201), "ü€😀")),
                Tuple.of(2, Arbitraries.strings().ofMaxLength(12)));
    }

    static Arbitrary<Integer> ints() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.integers().between(-1, 5)),
                Tuple.of(2, Arbitraries.of(65_535, 210_000, 2_100_000, Integer.MAX_VALUE, Integer.MIN_VALUE)),
                Tuple.of(2, Arbitraries.integers()));
    }

    /** Longs, mostly timestamps around the edges of what gull.ingress accepts. */
    static Arbitrary<Long> longs() {
        long latest = GullDecoders.MAX_RECEIVED_AT.toEpochMilli();
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of(1_796_083_200_000L, 0L, -1L, latest, latest + 1)),
                Tuple.of(2, Arbitraries.of(Long.MAX_VALUE, Long.MIN_VALUE, 4_294_967_295L)),
                Tuple.of(2, Arbitraries.longs()));
    }

    /** Payload sizes: small, and rarely just over the 1 MiB maximum. */
    private static Arbitrary<Integer> byteSizes() {
        return Arbitraries.frequencyOf(
                Tuple.of(60, Arbitraries.integers().between(0, 16)),
                Tuple.of(1, Arbitraries.just(GullDecoders.MAX_PAYLOAD_BYTES + 1)));
    }
}
