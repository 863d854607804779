package io.gull.bench;

import java.nio.file.Path;

/** Where Gull is installed ({@code bench/run} passes it as {@code -Dgull.bench.home}) and where its stack keeps data. */
final class GullHome {
    static final String PROPERTY = "gull.bench.home";

    private GullHome() {
    }

    /** The repository root: the property, else the working directory. */
    static Path directory() {
        String value = System.getProperty(PROPERTY);
        return (value == null || value.isBlank() ? Path.of("") : Path.of(value)).toAbsolutePath();
    }

    /** The stack's data dir as {@code ./gull} picks it: GULL_DATA_DIR, else {@code <home>/.gull}. */
    static Path dataDir(String gullDataDirEnv, Path home) {
        return gullDataDirEnv == null || gullDataDirEnv.isBlank() ? home.resolve(".gull") : Path.of(gullDataDirEnv);
    }
}
