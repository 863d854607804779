package io.gull.schemas.history;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/** The schema a released version wrote one record type with. */
public record HistoricSchema(String version, Schema schema) {

    public String fullName() {
        return schema.getFullName();
    }

    /** The CRC-64-AVRO fingerprint that single-object encoded bytes written with this schema carry. */
    public long fingerprint() {
        return SchemaNormalization.parsingFingerprint64(schema);
    }

    @Override
    public String toString() {
        return fullName() + " of " + version;
    }
}
