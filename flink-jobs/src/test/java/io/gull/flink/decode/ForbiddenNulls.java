package io.gull.flink.decode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/** Where a decoded record holds null although its schema does not allow it (a field, an item, a map value). */
final class ForbiddenNulls {

    private ForbiddenNulls() {
    }

    /** The paths of the forbidden nulls in {@code record}, empty when there are none. */
    static List<String> in(IndexedRecord record) {
        List<String> found = new ArrayList<>();
        walk(record.getSchema(), record, record.getSchema().getName(), found);
        return found;
    }

    private static void walk(Schema schema, Object datum, String path, List<String> found) {
        if (schema.getType() == Schema.Type.NULL) {
            return;
        }
        if (schema.getType() == Schema.Type.UNION) {
            if (datum == null) {
                if (schema.getTypes().stream().noneMatch(t -> t.getType() == Schema.Type.NULL)) {
                    found.add(path);
                }
                return;
            }
            // the branch it is: one under which nothing is wrong
            List<String> best = null;
            for (Schema branch : schema.getTypes()) {
                if (branch.getType() != Schema.Type.NULL) {
                    List<String> inBranch = new ArrayList<>();
                    walk(branch, datum, path, inBranch);
                    if (best == null || inBranch.size() < best.size()) {
                        best = inBranch;
                    }
                }
            }
            found.addAll(best == null ? List.of() : best);
            return;
        }
        if (datum == null) {
            found.add(path);
            return;
        }
        switch (schema.getType()) {
            case RECORD -> {
                IndexedRecord record = (IndexedRecord) datum;
                for (Schema.Field field : schema.getFields()) {
                    walk(field.schema(), record.get(field.pos()), path + "." + field.name(), found);
                }
            }
            case ARRAY -> {
                int i = 0;
                for (Object item : (Collection<?>) datum) {
                    walk(schema.getElementType(), item, path + "[" + i++ + "]", found);
                }
            }
            case MAP -> {
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) datum).entrySet()) {
                    if (entry.getKey() == null) {
                        found.add(path + "{null key}");
                    }
                    walk(schema.getValueType(), entry.getValue(), path + "{" + entry.getKey() + "}", found);
                }
            }
            default -> {
                // a primitive, present
            }
        }
    }
}
