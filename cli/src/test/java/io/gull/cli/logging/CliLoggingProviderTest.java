package io.gull.cli.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.event.Level;

/** Libraries speak up on real problems only, in one line each. */
class CliLoggingProviderTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void shouldHearKafkaTheCassandraDriverAndNettyOnlyAtError() {
        assertThat(LogThresholds.of("org.apache.kafka.clients.NetworkClient")).isEqualTo(Level.ERROR);
        assertThat(LogThresholds.of("com.datastax.oss.driver.internal.core.DefaultMavenCoordinates"))
                .isEqualTo(Level.ERROR);
        assertThat(LogThresholds.of("io.netty.util.ResourceLeakDetector")).isEqualTo(Level.ERROR);
        assertThat(LogThresholds.of("org.apache.kafkaesque")).isEqualTo(Level.WARN);
        assertThat(LogThresholds.of("io.gull.schemas.CqlMigrator")).isEqualTo(Level.WARN);
    }

    @Test
    void shouldPrintOneLineForAWarningAndNothingBelowIt() {
        // given
        Logger logger = new StderrLogger("org.apache.avro.Schema", Level.WARN, err);

        // when
        logger.info("ignored {}", 1);
        logger.warn("field {} has no default", "x", new IllegalStateException("boom"));

        // then
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .isEqualTo("WARN Schema: field x has no default (java.lang.IllegalStateException: boom)"
                        + System.lineSeparator());
    }

    @Test
    void shouldSelectItselfWithoutReplacingAProviderGivenOnTheCommandLine() {
        String before = System.getProperty(CliLogging.PROVIDER_PROPERTY);
        try {
            System.setProperty(CliLogging.PROVIDER_PROPERTY, "org.apache.logging.slf4j.SLF4JServiceProvider");
            CliLogging.install();
            assertThat(System.getProperty(CliLogging.PROVIDER_PROPERTY))
                    .isEqualTo("org.apache.logging.slf4j.SLF4JServiceProvider");

            System.clearProperty(CliLogging.PROVIDER_PROPERTY);
            CliLogging.install();
            assertThat(System.getProperty(CliLogging.PROVIDER_PROPERTY))
                    .isEqualTo(CliLoggingProvider.class.getName());
        } finally {
            if (before == null) {
                System.clearProperty(CliLogging.PROVIDER_PROPERTY);
            } else {
                System.setProperty(CliLogging.PROVIDER_PROPERTY, before);
            }
        }
    }
}
