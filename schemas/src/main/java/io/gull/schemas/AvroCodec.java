package io.gull.schemas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

import io.gull.schemas.history.HistoricSchema;
import io.gull.schemas.history.SchemaHistory;

/**
 * Encodes and decodes one record type with Avro single-object encoding (magic bytes, schema
 * fingerprint, binary body), so a reader needs no registry: the fingerprint says which schema wrote it.
 * Writes with the current schema; reads what the current schema or any released schema of the same record
 * ({@link SchemaHistory}) wrote, resolved to the current schema (new fields get their defaults). Bytes of a
 * schema it does not know, such as a newer release's, are refused: upgrade readers before writers.
 * Thread-safe.
 */
public final class AvroCodec<T extends SpecificRecord> {
    private final BinaryMessageEncoder<T> encoder;
    private final BinaryMessageDecoder<T> decoder;
    private final String typeName;

    private AvroCodec(Schema schema, SchemaHistory history) {
        SpecificData model = SpecificData.getForSchema(schema);
        this.encoder = new BinaryMessageEncoder<>(model, schema);
        this.decoder = new BinaryMessageDecoder<>(model, schema);
        long current = SchemaNormalization.parsingFingerprint64(schema);
        for (HistoricSchema writer : history.of(schema.getFullName())) {
            if (writer.fingerprint() != current) {
                decoder.addSchema(writer.schema());
            }
        }
        this.typeName = schema.getFullName();
    }

    /**
     * A codec for a generated record class, e.g. {@code AvroCodec.of(Publish.getClassSchema())}, that also
     * reads what the released versions wrote.
     */
    public static <T extends SpecificRecord> AvroCodec<T> of(Schema schema) {
        return new AvroCodec<>(schema, SchemaHistory.released());
    }

    /** A codec that reads what the writer schemas of {@code history} wrote besides the current schema. */
    public static <T extends SpecificRecord> AvroCodec<T> of(Schema schema, SchemaHistory history) {
        return new AvroCodec<>(schema, history);
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
     * Decodes bytes written by {@link #encode} of this or an earlier release.
     *
     * @throws MalformedRecordException when the bytes are not a single-object encoded record of this type,
     *         or were written with a schema this release does not know (another record type, or a newer release)
     */
    public T decode(byte[] bytes) {
        if (bytes == null) {
            throw new MalformedRecordException("null value where a " + typeName + " was expected");
        }
        try {
            return decoder.decode(bytes);
        } catch (MissingSchemaException e) {
            throw new MalformedRecordException("not a " + typeName + " record of this or an earlier release: "
                    + "no such schema has the fingerprint " + fingerprintOf(bytes)
                    + " (another record type, or written by a newer release? upgrade readers first)", e);
        } catch (BadHeaderException e) {
            throw new MalformedRecordException("not a " + typeName + " record: not single-object encoded ("
                    + e.getMessage() + ")", e);
        } catch (IOException | RuntimeException e) {
            throw new MalformedRecordException("not a " + typeName + " record: " + e.getMessage(), e);
        }
    }

    /** The 8 little-endian bytes after the C3 01 marker, as hex. */
    private static String fingerprintOf(byte[] bytes) {
        long fingerprint = 0;
        for (int i = 9; i >= 2 && i < bytes.length; i--) {
            fingerprint = (fingerprint << 8) | (bytes[i] & 0xFF);
        }
        return String.format("%016x", fingerprint);
    }
}
