package io.gull.devstack.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The Gull checkout the tests run in: {@code -Dgull.install.dir}, else the nearest parent holding devstack/stack. */
public final class InstallDir {

    private InstallDir() {
    }

    public static Path find() {
        String configured = System.getProperty("gull.install.dir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("devstack/stack/pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the Gull checkout above " + Path.of("").toAbsolutePath()
                + "; set -Dgull.install.dir");
    }
}
