package io.gull.schemas.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;

/**
 * Parses the .avsc files of one version, whose records refer to each other by name (EdgeMessage names
 * AuthDecision), in whatever order they are listed: a file that names a record not parsed yet is retried
 * after the others. Each attempt uses a fresh {@link Schema.Parser} that knows only this version's records
 * parsed so far, so a failed attempt leaves nothing behind and no name leaks from one version into another.
 */
final class VersionSchemaParser {
    private VersionSchemaParser() {
    }

    /**
     * @param sourcesByFile the JSON of each file, by file name (for messages)
     * @return the schema each file defines, by full name, in the order they could be parsed
     */
    static Map<String, Schema> parse(String version, Map<String, String> sourcesByFile) {
        Map<String, Schema> namedTypes = new LinkedHashMap<>();
        Map<String, Schema> byFullName = new LinkedHashMap<>();
        List<String> pending = new ArrayList<>(sourcesByFile.keySet());
        while (!pending.isEmpty()) {
            int before = pending.size();
            List<String> failures = new ArrayList<>();
            for (String file : List.copyOf(pending)) {
                Schema.Parser parser = new Schema.Parser().addTypes(namedTypes.values());
                try {
                    Schema schema = parser.parse(sourcesByFile.get(file));
                    if (byFullName.putIfAbsent(schema.getFullName(), schema) != null) {
                        throw new IllegalStateException(
                                version + ": " + file + " defines " + schema.getFullName() + " a second time");
                    }
                    namedTypes.putAll(parser.getTypes());
                    pending.remove(file);
                } catch (AvroRuntimeException e) {
                    failures.add(file + ": " + e.getMessage());
                }
            }
            if (pending.size() == before) {
                throw new IllegalStateException("cannot parse the schemas of " + version + " " + failures);
            }
        }
        return byFullName;
    }
}
