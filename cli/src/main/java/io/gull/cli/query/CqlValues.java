package io.gull.cli.query;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import com.datastax.oss.driver.api.core.cql.ColumnDefinition;
import com.datastax.oss.driver.api.core.cql.ColumnDefinitions;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.data.ByteUtils;
import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.codec.registry.CodecRegistry;

import io.gull.cli.output.ResultTable;

/**
 * Turns any CQL result row into printable values: text, numbers and booleans as they are, timestamps as ISO-8601
 * UTC, blobs as {@code 0x...} hex (as cqlsh shows them), collections, tuples and UDTs as CQL literals.
 */
public final class CqlValues {
    private CqlValues() {
    }

    public static List<String> columns(ColumnDefinitions definitions) {
        List<String> names = new ArrayList<>(definitions.size());
        for (ColumnDefinition definition : definitions) {
            names.add(definition.getName().asInternal());
        }
        return names;
    }

    public static ResultTable table(ColumnDefinitions definitions, Iterable<Row> rows) {
        List<List<Object>> values = new ArrayList<>();
        for (Row row : rows) {
            values.add(values(row));
        }
        return new ResultTable(columns(definitions), values);
    }

    static List<Object> values(Row row) {
        CodecRegistry registry = row.codecRegistry();
        ColumnDefinitions definitions = row.getColumnDefinitions();
        List<Object> values = new ArrayList<>(definitions.size());
        for (int i = 0; i < definitions.size(); i++) {
            Object value = row.getObject(i);
            DataType type = definitions.get(i).getType();
            values.add(printable(value, () -> registry.<Object>codecFor(type).format(value)));
        }
        return values;
    }

    /** A value the formatters print; {@code literal} supplies the CQL literal for the types not handled here. */
    static Object printable(Object value, Supplier<String> literal) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Instant instant) {
            return instant.toString();
        }
        if (value instanceof ByteBuffer buffer) {
            return ByteUtils.toHexString(buffer);
        }
        if (value instanceof InetAddress address) {
            return address.getHostAddress();
        }
        if (value instanceof TemporalAccessor || value instanceof UUID) {
            return value.toString();
        }
        return literal.get();
    }
}
