package io.gull.schemas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Encodes and decodes one record type with Avro single-object encoding (magic bytes, schema
 * fingerprint, binary body), so a reader needs no registry: the fingerprint says which schema wrote it.
 * Thread-safe.
 */
public final class AvroCodec<T extends SpecificRecord> {
    private final BinaryMessageEncoder<T> encoder;
    private final BinaryMessageDecoder<T> decoder;
    private final String typeName;

    private AvroCodec(Schema schema) {
        SpecificData model = SpecificData.getForSchema(schema);
        this.encoder = new BinaryMessageEncoder<>(model, schema);
        this.decoder = new BinaryMessageDecoder<>(model, schema);
        this.typeName = schema.getFullName();
    }

    /** A codec for a generated record class, e.g. {@code AvroCodec.of(Publish.getClassSchema())}. */
    public static <T extends SpecificRecord> AvroCodec<T> of(Schema schema) {
        return new AvroCodec<>(schema);
    }

    public byte[] encode(T record) {
        try {
            ByteBuffer buffer = encoder.encode(record);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + typeName, e);
        }
    }

    /**
     * Decodes bytes written by {@link #encode}.
     *
     * @throws MalformedRecordException when the bytes are not a single-object encoded record of this type
     */
    public T decode(byte[] bytes) {
        if (bytes == null) {
            throw new MalformedRecordException("null value where a " + typeName + " was expected");
        }
        try {
            return decoder.decode(bytes);
        } catch (IOException | RuntimeException e) {
            throw new MalformedRecordException("not a " + typeName + " record: " + e.getMessage(), e);
        }
    }
}
