package io.gull.schemas.history;

import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/**
 * Whether a reader schema can decode what historic writer schemas wrote (Avro schema resolution), and if
 * not, why, in words that name the record and the field: {@code "io.gull.schemas.avro.Publish cannot read
 * Publish of 0.1.0: field Publish.packetId (READER_FIELD_MISSING_DEFAULT_VALUE: packetId)"}.
 */
public final class ReaderCompatibility {
    private ReaderCompatibility() {
    }

    /** One line per incompatibility; empty when the reader decodes every writer. */
    public static List<String> problems(Schema reader, List<HistoricSchema> writers) {
        return writers.stream()
                .flatMap(writer -> problems(reader, writer).stream())
                .toList();
    }

    /** One line per incompatibility; empty when the reader decodes what the writer wrote. */
    public static List<String> problems(Schema reader, HistoricSchema writer) {
        List<Incompatibility> incompatibilities = SchemaCompatibility
                .checkReaderWriterCompatibility(reader, writer.schema())
                .getResult()
                .getIncompatibilities();
        return incompatibilities.stream()
                .map(i -> reader.getFullName() + " cannot read " + writer.schema().getName() + " of "
                        + writer.version() + ": " + FieldPath.describe(reader, i.getLocation(), i.getWriterFragment())
                        + " (" + i.getType() + ": " + i.getMessage() + ")")
                .distinct()
                .toList();
    }
}
