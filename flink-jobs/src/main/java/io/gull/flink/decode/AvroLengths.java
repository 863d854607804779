package io.gull.flink.decode;

import java.util.HashMap;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

import io.gull.schemas.MalformedRecordException;
import io.gull.schemas.avro.AuthRequest;
import io.gull.schemas.avro.Command;
import io.gull.schemas.avro.DeviceRecord;
import io.gull.schemas.avro.EdgeHeartbeat;
import io.gull.schemas.avro.EdgeMessage;
import io.gull.schemas.avro.Publish;
import io.gull.schemas.avro.SessionEvent;
import io.gull.schemas.avro.SharedHandoff;
import io.gull.schemas.history.HistoricSchema;
import io.gull.schemas.history.SchemaHistory;

/**
 * Refuses a single-object encoded record whose lengths or counts claim more than the record holds, before Avro reads
 * it. Avro allocates a string, bytes or array by the length it reads and only then finds the data missing: 15 bytes
 * claiming a 1 GB string made a decoder allocate 1 GB, and larger claims threw {@link OutOfMemoryError}, which no
 * dead-letter handling catches. This walks the record by its writer schema (found by the fingerprint, among the
 * current and every released schema of Gull's records) without allocating: every string and bytes length and every
 * array and map block count must fit in the bytes left, and all collections together cannot have more items than
 * the record has bytes (each item of Gull's schemas takes at least one). Whatever else is wrong with the bytes (no
 * single-object header, an unknown fingerprint, truncation, a bad union index) it leaves to the codec, which refuses
 * them with its own reason.
 */
final class AvroLengths {
    private static final int HEADER = 10;
    private static final Map<Long, Schema> WRITERS = writers();

    private final byte[] bytes;
    private int at;
    private long items;

    private AvroLengths(byte[] bytes) {
        this.bytes = bytes;
        this.at = HEADER;
    }

    /**
     * @throws MalformedRecordException when a length or count in {@code value} exceeds what follows it
     */
    static void check(byte[] value) {
        if (value == null || value.length < HEADER || value[0] != (byte) 0xC3 || value[1] != 0x01) {
            return;
        }
        long fingerprint = 0;
        for (int i = 9; i >= 2; i--) {
            fingerprint = (fingerprint << 8) | (value[i] & 0xFF);
        }
        Schema writer = WRITERS.get(fingerprint);
        if (writer == null) {
            return;
        }
        try {
            new AvroLengths(value).walk(writer);
        } catch (Unwalkable e) {
            // malformed in a way the codec reports itself
        }
    }

    private void walk(Schema schema) {
        switch (schema.getType()) {
            case RECORD -> schema.getFields().forEach(field -> walk(field.schema()));
            case UNION -> {
                long branch = readLong();
                if (branch < 0 || branch >= schema.getTypes().size()) {
                    throw Unwalkable.INSTANCE;
                }
                walk(schema.getTypes().get((int) branch));
            }
            case ARRAY, MAP -> walkBlocks(schema);
            case STRING, BYTES -> skip(length(readLong(), "bytes"));
            case FIXED -> skip(schema.getFixedSize());
            case INT, LONG, ENUM -> readLong();
            case FLOAT -> skip(4);
            case DOUBLE -> skip(8);
            case BOOLEAN -> skip(1);
            case NULL -> {
            }
        }
    }

    private void walkBlocks(Schema schema) {
        while (true) {
            long count = readLong();
            if (count == 0) {
                return;
            }
            if (count < 0) {
                count = -count; // a block with its size in bytes behind the count
                readLong();
            }
            length(count, schema.getType() == Schema.Type.MAP ? "entries" : "items");
            items += count;
            if (items > bytes.length) {
                throw refused(count, "items");
            }
            for (long i = 0; i < count; i++) {
                if (schema.getType() == Schema.Type.MAP) {
                    skip(length(readLong(), "bytes"));
                    walk(schema.getValueType());
                } else {
                    walk(schema.getElementType());
                }
            }
        }
    }

    /** {@code length}, when what it claims fits in the bytes left. */
    private int length(long length, String what) {
        if (length < 0) {
            throw Unwalkable.INSTANCE;
        }
        if (length > bytes.length - at) {
            throw refused(length, what);
        }
        return (int) length;
    }

    private MalformedRecordException refused(long length, String what) {
        return new MalformedRecordException("not a Gull record: " + length + " " + what + " claimed at byte " + at
                + " of " + bytes.length + ", more than the record holds");
    }

    private void skip(int count) {
        if (count > bytes.length - at) {
            throw Unwalkable.INSTANCE;
        }
        at += count;
    }

    /** A zigzag varint of at most ten bytes, as Avro writes ints, longs, lengths, counts and indexes. */
    private long readLong() {
        long raw = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            if (at >= bytes.length) {
                throw Unwalkable.INSTANCE;
            }
            int b = bytes[at++] & 0xFF;
            raw |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return (raw >>> 1) ^ -(raw & 1);
            }
        }
        throw Unwalkable.INSTANCE;
    }

    private static Map<Long, Schema> writers() {
        Map<Long, Schema> writers = new HashMap<>();
        for (Schema current : new Schema[] {Publish.getClassSchema(), SessionEvent.getClassSchema(),
            AuthRequest.getClassSchema(), EdgeMessage.getClassSchema(), DeviceRecord.getClassSchema(),
            Command.getClassSchema(), EdgeHeartbeat.getClassSchema(), SharedHandoff.getClassSchema()}) {
            writers.put(SchemaNormalization.parsingFingerprint64(current), current);
        }
        for (HistoricSchema released : SchemaHistory.released().all()) {
            writers.putIfAbsent(released.fingerprint(), released.schema());
        }
        return writers;
    }

    /** The bytes end or go wrong where the walk cannot follow; the codec will say how. */
    private static final class Unwalkable extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Unwalkable INSTANCE = new Unwalkable();

        private Unwalkable() {
            super(null, null, false, false);
        }
    }
}
