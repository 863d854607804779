package io.gull.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import picocli.CommandLine.IVersionProvider;

/** {@code gull --version}: the project version, written into {@code gull-cli-version.properties} by the build. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/gull-cli-version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        }
        return new String[] {"gull " + properties.getProperty("version", "(unknown version)"),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.home") + ")"};
    }
}
