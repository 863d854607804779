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
        assertThat(out.toString()).contains("up", "down", "status", "edge", "devices", "send", "query", "cql",
                "mosquitto_pub");
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

    @Test
    void shouldOfferEdgesAnonymousDevicesAndBothWaysToStartTheJobsInUp() {
        // when
        int exit = run("up", "--help");

        // then
        assertThat(exit).isZero();
        assertThat(out.toString()).contains("--edges", "--allow-anonymous", "--allow-non-restored-state",
                "--fresh-jobs");
    }

    @Test
    void shouldRejectZeroEdgesBeforeStartingAnything() {
        // when
        int exit = run("up", "-d", "--edges", "0", "--data-dir", home.resolve("d").toString());

        // then
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--edges must be between 1 and 16, got 0", "Usage: gull up");
        assertThat(home.resolve("d")).doesNotExist();
    }

    @Test
    void shouldRejectEdgesWhosePortsCollideWithAnotherServiceAsAUsageError() {
        // when edge-2 would take Kafka's 9092
        int exit = run("up", "-d", "--edges", "2", "--mqtt-port", "9091", "--data-dir", home.resolve("d").toString());

        // then
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("MQTT of edge-2 and Kafka are both configured on port 9092");
    }

    @Test
    void shouldRejectResumingAndStartingFreshAtOnce() {
        // when
        int exit = run("up", "-d", "--allow-non-restored-state", "--fresh-jobs");

        // then
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--allow-non-restored-state and --fresh-jobs exclude each other");
    }

    @Test
    void shouldKnowNoSecondEdgeOfAStackThatNeverRan() {
        // when
        int exit = run("stop", "edge-2", "--data-dir", home.resolve("empty").toString());

        // then
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString().strip())
                .isEqualTo("error: Unknown service 'edge-2'; the services are kafka, cassandra, flink, edge");
    }

    @Test
    void shouldRequireAnIdAndAPortToAddAnEdge() {
        // when
        int exit = run("edge", "--mqtt-port", "1884");

        // then
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--id=ID'", "Usage: gull edge");
    }

    @Test
    void shouldRejectAnEdgeIdThatCannotNameAnInbox() {
        // when
        int exit = run("edge", "--id", "e 2", "--mqtt-port", "1884");

        // then
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("edge id must be 1-200 characters of [A-Za-z0-9._-], got: e 2");
    }

    @Test
    void shouldRejectAnEdgePortOutOfRange() {
        // when
        int exit = run("edge", "--id", "e2", "--mqtt-port", "70000");

        // then
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--mqtt-port must be a port between 1 and 65535, got 70000");
    }

    @Test
    void shouldRefuseToAddAnEdgeWhenNoStackRuns() {
        // when
        int exit = run("edge", "--id", "e2", "--mqtt-port", "1884", "--data-dir", home.resolve("empty").toString());

        // then
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("error: Gull's Kafka is not running from "
                + home.resolve("empty") + "; an added edge joins a running stack: start it first with ./gull up -d");
    }

    @Test
    void shouldShowTheOptionsOfSend() {
        // when
        int exit = run("send", "--help");

        // then
        assertThat(exit).isZero();
        assertThat(out.toString()).contains("<deviceId>", "<topic>", "<payload>", "--qos", "--expiry",
                "--response-topic", "--correlation-data", "--kafka");
    }

    @Test
    void shouldRejectACommandTopicWithWildcardsBeforeConnecting() {
        // when
        int exit = run("send", "dev1", "devices/#", "reboot", "--kafka", "127.0.0.1:1");

        // then
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("topic 'devices/#' cannot be published to", "Usage: gull send");
    }

    @Test
    void shouldRejectABadQosOrExpiryOfSend() {
        // when
        int qosExit = run("send", "dev1", "t", "p", "--qos", "3", "--kafka", "127.0.0.1:1");
        int expiryExit = run("send", "dev1", "t", "p", "--expiry", "soon", "--kafka", "127.0.0.1:1");

        // then
        assertThat(qosExit).isEqualTo(2);
        assertThat(expiryExit).isEqualTo(2);
        assertThat(err.toString()).contains("--qos must be 0, 1 or 2, got 3",
                "expected a duration such as 30s, 15m, 1h, 7d");
    }

    @Test
    void shouldRequireTopicAndPayloadOfSend() {
        // when
        int exit = run("send", "dev1");

        // then
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required parameters: '<topic>', '<payload>'");
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldReportUnreachableKafkaWhenSendingInOneLine() throws IOException {
        // given
        int port = freePort();

        // when
        int exit = run("send", "dev1", "devices/dev1/cmd", "reboot", "--kafka", "127.0.0.1:" + port);

        // then
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo(
                "error: Cannot reach Kafka at 127.0.0.1:" + port + " \u2014 is the stack running? ./gull up -d");
        assertThat(out.toString()).isEmpty();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
