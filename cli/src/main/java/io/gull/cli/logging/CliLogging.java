package io.gull.cli.logging;

/**
 * Selects the CLI's own SLF4J binding ({@link CliLoggingProvider}) for this JVM. Call it first thing in {@code main},
 * before any library creates a logger. Named explicitly ({@code slf4j.provider}), the binding is loaded without a
 * class-path scan and without starting log4j, which cost about 0.4 s of every command. A {@code slf4j.provider} given
 * on the command line ({@code GULL_JAVA_OPTS}) wins, e.g. {@code org.apache.logging.slf4j.SLF4JServiceProvider} for
 * log4j with {@code log4j2.xml}.
 */
public final class CliLogging {
    static final String PROVIDER_PROPERTY = "slf4j.provider";
    static final String VERBOSITY_PROPERTY = "slf4j.internal.verbosity";

    private CliLogging() {
    }

    public static void install() {
        if (System.getProperty(PROVIDER_PROPERTY) == null) {
            System.setProperty(PROVIDER_PROPERTY, CliLoggingProvider.class.getName());
        }
        if (System.getProperty(VERBOSITY_PROPERTY) == null) {
            // SLF4J itself would say at INFO that it loads the named provider, on every run
            System.setProperty(VERBOSITY_PROPERTY, "WARN");
        }
    }
}
