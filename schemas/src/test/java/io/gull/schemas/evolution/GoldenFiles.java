package io.gull.schemas.evolution;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.avro.generic.GenericRecord;

/**
 * Bytes an earlier release wrote, committed as hex under {@code src/test/resources/avro/golden/<version>/}
 * ({@code #} lines are comments), so that the evolution tests do not rest on the historic .avsc files alone.
 * Those of 0.1.0 were checked, when written, against classes generated from the 0.1.0 .avsc files as
 * committed before the pub/sub contract (git 271244e^): their encoders wrote the same bytes.
 */
final class GoldenFiles {
    static final String DIRECTORY = "avro/golden";

    private GoldenFiles() {
    }

    static byte[] read(String version, String record) {
        String resource = DIRECTORY + "/" + version + "/" + record + ".hex";
        try (InputStream in = GoldenFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing golden file " + resource);
            }
            String hex = new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines()
                    .filter(line -> !line.startsWith("#"))
                    .collect(Collectors.joining())
                    .replaceAll("\\s", "");
            return HexFormat.of().parseHex(hex);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the golden files of 0.1.0 once: {@code java ... GoldenFiles src/test/resources/avro/golden}.
     * They are committed and never regenerated; a release adds its own directory.
     */
    public static void main(String[] args) throws IOException {
        Path directory = Path.of(args[0], Release010.VERSION);
        Files.createDirectories(directory);
        for (Map.Entry<String, GenericRecord> entry : new TreeMap<>(Release010.all()).entrySet()) {
            byte[] bytes = Release010.encode(entry.getValue());
            String text = "# " + entry.getKey() + " single-object encoded with the " + Release010.VERSION
                    + " writer schema: " + entry.getValue() + "\n" + HexFormat.of().formatHex(bytes) + "\n";
            Files.writeString(directory.resolve(entry.getKey() + ".hex"), text, StandardCharsets.US_ASCII);
        }
    }
}
