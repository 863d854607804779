package io.gull.schemas.history;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.avro.Schema;

/**
 * The writer schemas of the released versions, committed under {@code avro/history/}: the index
 * {@code versions.list} names the versions, oldest first, and each {@code <version>/schemas.list} names
 * that version's .avsc files. Readers keep these so that they decode whatever an earlier release wrote.
 * Immutable and thread-safe.
 */
public final class SchemaHistory {
    /** The directory of the history of this module, on the classpath. */
    public static final String DIRECTORY = "avro/history";

    private final List<String> versions;
    private final Map<String, List<HistoricSchema>> byFullName;

    private SchemaHistory(List<String> versions, Map<String, List<HistoricSchema>> byFullName) {
        this.versions = List.copyOf(versions);
        this.byFullName = byFullName;
    }

    /** The history of the released versions, loaded once. */
    public static SchemaHistory released() {
        return Released.HISTORY;
    }

    /** Loads a history laid out as {@link #DIRECTORY} is, from another classpath directory. */
    public static SchemaHistory load(String directory) {
        List<String> versions = ClasspathText.readList(directory + "/versions.list");
        Map<String, List<HistoricSchema>> byFullName = new LinkedHashMap<>();
        for (String version : versions) {
            Map<String, String> sources = new LinkedHashMap<>();
            for (String file : ClasspathText.readList(directory + "/" + version + "/schemas.list")) {
                sources.put(file, ClasspathText.read(directory + "/" + version + "/" + file));
            }
            VersionSchemaParser.parse(version, sources).forEach((name, schema) ->
                    byFullName.computeIfAbsent(name, n -> new ArrayList<>()).add(new HistoricSchema(version, schema)));
        }
        byFullName.replaceAll((name, list) -> List.copyOf(list));
        return new SchemaHistory(versions, Collections.unmodifiableMap(byFullName));
    }

    /** The released versions, oldest first. */
    public List<String> versions() {
        return versions;
    }

    /** Every released schema of the record with this full name, oldest first; empty for a record never released. */
    public List<HistoricSchema> of(String fullName) {
        return byFullName.getOrDefault(fullName, List.of());
    }

    /** The schema a version wrote a record with. */
    public HistoricSchema of(String fullName, String version) {
        return of(fullName).stream()
                .filter(h -> h.version().equals(version))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(version + " has no schema " + fullName));
    }

    /** The full names of every record some release defined at the top of a file. */
    public Set<String> recordNames() {
        return Collections.unmodifiableSet(new TreeSet<>(byFullName.keySet()));
    }

    /** Every released schema. */
    public List<HistoricSchema> all() {
        return byFullName.values().stream().flatMap(List::stream).toList();
    }

    private static final class Released {
        static final SchemaHistory HISTORY = load(DIRECTORY);
    }
}
