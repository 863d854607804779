package io.gull.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Writes {@code <scenario>-<timestamp>.json} and {@code .md} into the results directory. */
public final class ResultFiles {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = JsonMapper.builder()
            .findAndAddModules()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private ResultFiles() {
    }

    public static String json(Object result) {
        try {
            return JSON.writeValueAsString(result);
        } catch (IOException e) {
            throw new IllegalStateException("cannot render the result as JSON", e);
        }
    }

    /** Writes both files and returns the path of the JSON one. */
    public static Path write(Path dir, String scenario, Instant startedAt, Object result, String markdown) throws IOException {
        Files.createDirectories(dir);
        String base = scenario + "-" + STAMP.format(startedAt);
        Path json = dir.resolve(base + ".json");
        Files.writeString(json, json(result) + "\n");
        Files.writeString(dir.resolve(base + ".md"), markdown);
        return json;
    }
}
