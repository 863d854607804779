package io.gull.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** The command-line wiring: usage, usage errors (exit 2), unreachable servers (exit 1, one line, no stack trace). */
class GullCliTest {
    @TempDir
    Path home;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CliEnvironment environment = new CliEnvironment(home, Optional.empty(), false, Clock.systemUTC());
        CommandLine commandLine = GullCli.commandLine(environment);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void shouldListEveryCommandInTheUsage() {
        // when
        int exit = run("--help");

        // then
        assertThat(exit).isZero();
        assertThat(out.toString()).contains("up", "down", "status", "devices", "query", "cql", "mosquitto_pub");
    }

    @Test
    void shouldShowUsageOfNestedCommands() {
        // when
        int exit = run("query", "telemetry", "--help");

        // then
        assertThat(exit).isZero();
        assertThat(out.toString()).contains("--since", "--limit", "--format", "--cassandra", "--keyspace");
    }

    @Test
    void shouldFailWithUsageWhenNoCommandIsGiven() {
        // when
        int exit = run();

        // then
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("Missing subcommand", "Usage: gull");
    }

    @Test
    void shouldRejectUnknownOptionWithExitCode2() {
        // when
        int exit = run("status", "--bogus");

        // then
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--bogus'");
    }

    @Test
    void shouldRejectBadSinceWithExitCode2() {
        // when
        int exit = run("query", "telemetry", "dev1", "--since", "yesterday");

        // then
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("30s, 15m, 1h, 7d");
    }

    @Test
    void shouldRejectBadFormatWithExitCode2() {
        // when
        int exit = run("devices", "list", "--format", "xml");

        // then
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--format");
    }

    @Test
    void shouldRejectInvalidDeviceIdBeforeConnecting() {
        // when
        int exit = run("devices", "add", "bad/id", "--password", "pw", "--kafka", "127.0.0.1:1");

        // then
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("must not contain '/'");
    }

    @Test
    void shouldRejectInvalidDeviceIdOfRemoveBeforeConnecting() {
        // when
        int exit = run("devices", "remove", "a#b", "--kafka", "127.0.0.1:1");

        // then
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("must not contain '#'", "Usage: gull devices remove");
    }

    @Test
    void shouldRejectOutOfRangeLimitBeforeConnecting() {
        // when
        int exit = run("query", "telemetry", "dev1", "--limit", "0", "--cassandra", "127.0.0.1:1");

        // then
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--limit must be between 1 and", "Usage: gull query telemetry");
    }

    @Test
    void shouldRejectAnOutOfRangePortOfUpBeforeStartingAnything() {
        // when
        int exit = run("up", "-d", "--mqtt-port", "70000");

        // then
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--mqtt-port must be a port between 1 and 65535", "Usage: gull up");
    }

    @Test
    void shouldOfferAnOptionForEveryPortOfUp() {
        // when
        int exit = run("up", "--help");

        // then
        assertThat(exit).isZero();
        assertThat(out.toString()).contains("--mqtt-port", "--kafka-port", "--kafka-controller-port",
                "--cassandra-port", "--cassandra-storage-port", "--flink-port");
    }

    @Test
    void shouldRejectAnUnknownServiceOfStartAndStop() {
        // when
        int startExit = run("start", "zookeeper");
        int stopExit = run("stop", "zookeeper");

        // then
        assertThat(startExit).isEqualTo(2);
        assertThat(stopExit).isEqualTo(2);
        assertThat(err.toString()).contains("unknown service 'zookeeper'; the services are kafka, cassandra, flink, edge");
    }

    @Test
    void shouldRejectEmptyCqlStatementBeforeConnecting() {
        // when
        int exit = run("cql", " ;; ", "--cassandra", "127.0.0.1:1");

        // then
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("the CQL statement is empty", "Usage: gull cql");
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldReportUnreachableCassandraInOneLine() throws IOException {
        // given
        int port = freePort();

        // when
        int exit = run("query", "telemetry", "dev1", "--cassandra", "127.0.0.1:" + port);

        // then
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo(
                "error: Cannot reach Cassandra at 127.0.0.1:" + port + " \u2014 is the stack running? ./gull up -d");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldReportUnreachableCassandraForRawCql() throws IOException {
        // given
        int port = freePort();

        // when
        int exit = run("cql", "SELECT * FROM system.local", "--cassandra", "127.0.0.1:" + port);

        // then
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("Cannot reach Cassandra at 127.0.0.1:" + port).doesNotContain("\tat ");
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldReportUnreachableKafkaInOneLine() throws IOException {
        // given
        int port = freePort();

        // when
        int exit = run("devices", "add", "dev1", "--password", "pw", "--kafka", "127.0.0.1:" + port);

        // then
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo(
                "error: Cannot reach Kafka at 127.0.0.1:" + port + " \u2014 is the stack running? ./gull up -d");
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldReportUnreachableKafkaWhenListingDevices() throws IOException {
        // given
        int port = freePort();

        // when
        int exit = run("devices", "list", "--kafka", "127.0.0.1:" + port);

        // then
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("Cannot reach Kafka at 127.0.0.1:" + port).doesNotContain("\tat ");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldGiveUpOnACassandraPortThatNeverAnswers() throws IOException {
        // given a socket that accepts connections (in the kernel backlog) but never speaks CQL
        try (ServerSocket silent = new ServerSocket(0)) {
            // when
            int exit = run("query", "latest", "dev1", "--cassandra", "127.0.0.1:" + silent.getLocalPort());

            // then
            assertThat(exit).isEqualTo(1);
            assertThat(err.toString().strip()).startsWith("error: Cannot reach Cassandra at 127.0.0.1:")
                    .doesNotContain("\tat ");
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldGiveUpOnAKafkaPortThatNeverAnswers() throws IOException {
        // given a socket that accepts connections (in the kernel backlog) but never speaks Kafka
        try (ServerSocket silent = new ServerSocket(0)) {
            // when
            int exit = run("devices", "remove", "dev1", "--kafka", "127.0.0.1:" + silent.getLocalPort());

            // then
            assertThat(exit).isEqualTo(1);
            assertThat(err.toString().strip()).startsWith("error: Kafka at 127.0.0.1:")
                    .contains("did not acknowledge").doesNotContain("\tat ");
        }
    }

    @Test
    void shouldSayNotRunningWithExitCode0WhenNoStackRuns() {
        // when
        int exit = run("status", "--data-dir", home.resolve("empty").toString());

        // then
        assertThat(exit).isZero();
        assertThat(out.toString()).contains("not running");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
