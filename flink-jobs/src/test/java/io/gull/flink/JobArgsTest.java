package io.gull.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateBackendOptions;
import org.junit.jupiter.api.Test;

import io.gull.flink.routing.RoutingConfig;
import io.gull.flink.session.SessionConfig;

class JobArgsTest {

    @Test
    void shouldUseDefaultsWhenNothingIsGiven() {
        JobArgs args = JobArgs.parse(new String[0]);

        assertThat(args.kafkaBootstrap()).isEqualTo("127.0.0.1:9092");
        assertThat(args.cassandraContactPoints()).containsExactly(InetSocketAddress.createUnresolved("127.0.0.1", 9042));
        assertThat(args.cassandraLocalDc()).isEqualTo("datacenter1");
        assertThat(args.cassandraKeyspace()).isEqualTo("gull");
        assertThat(args.checkpointInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(args.checkpointDir()).isEmpty();
        assertThat(args.parallelism()).isEqualTo(1);
        assertThat(args.unknownDeviceGrace()).isEqualTo(Duration.ofSeconds(1));
        assertThat(args.maxAuthRequestAge()).isEqualTo(Duration.ofMinutes(5));
        assertThat(args.routingConfig()).isEqualTo(new RoutingConfig(100, 1000, 10_000));
        assertThat(args.sessionMaxExpiry()).isEqualTo(4_294_967_295L);
    }

    @Test
    void shouldParseTheSessionsJobsLimits() {
        JobArgs args = JobArgs.parse(new String[] {
            "--delivery.max-inflight", "10",
            "--session.max-queued=50",
            "--retained.max-per-subscribe", "7",
            "--session.max-expiry-s", "86400",
            "--auth.unknown-device-grace-ms", "0"});

        assertThat(args.routingConfig()).isEqualTo(new RoutingConfig(10, 50, 7));
        assertThat(args.sessionConfig()).isEqualTo(new SessionConfig(Duration.ZERO, Duration.ofMinutes(5), 86_400));
    }

    @Test
    void shouldRejectASessionExpiryCapAboveTheProtocolsMaximum() {
        assertThatThrownBy(() -> JobArgs.parse(new String[] {"--session.max-expiry-s", "4294967296"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("session.max-expiry-s");
    }

    @Test
    void shouldRejectADeliveryWindowOfZero() {
        assertThatThrownBy(() -> JobArgs.parse(new String[] {"--delivery.max-inflight", "0"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("delivery.max-inflight");
    }

    @Test
    void shouldParseEveryOptionInBothSpellings() {
        JobArgs args = JobArgs.parse(new String[] {
            "--kafka.bootstrap", "10.0.0.1:19092,10.0.0.2:19092",
            "--cassandra.contact-points=c1:9142,c2:9242",
            "--cassandra.local-dc", "dc2",
            "--cassandra.keyspace", "gull_test",
            "--checkpoint.interval-ms", "250",
            "--checkpoint.dir", "file:///tmp/cp",
            "--parallelism=3",
            "--auth.unknown-device-grace-ms", "0",
            "--auth.max-request-age-ms=2500"});

        assertThat(args.kafkaBootstrap()).isEqualTo("10.0.0.1:19092,10.0.0.2:19092");
        assertThat(args.cassandraContactPoints()).containsExactly(
                InetSocketAddress.createUnresolved("c1", 9142), InetSocketAddress.createUnresolved("c2", 9242));
        assertThat(args.cassandraLocalDc()).isEqualTo("dc2");
        assertThat(args.cassandraKeyspace()).isEqualTo("gull_test");
        assertThat(args.checkpointInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(args.checkpointDir()).isEqualTo(Optional.of("file:///tmp/cp"));
        assertThat(args.parallelism()).isEqualTo(3);
        assertThat(args.unknownDeviceGrace()).isZero();
        assertThat(args.maxAuthRequestAge()).isEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void shouldRejectAMaxAuthRequestAgeBelowOneMillisecond() {
        assertThatThrownBy(() -> JobArgs.parse(new String[] {"--auth.max-request-age-ms", "0"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("auth.max-request-age-ms");
    }

    @Test
    void shouldRejectUnknownOptionNamingIt() {
        assertThatThrownBy(() -> JobArgs.parse(new String[] {"--kafka.bootstrp", "h:1"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown option --kafka.bootstrp");
    }

    @Test
    void shouldRejectOptionWithoutValue() {
        assertThatThrownBy(() -> JobArgs.parse(new String[] {"--parallelism"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--parallelism needs a value");
    }

    @Test
    void shouldRejectBareWords() {
        assertThatThrownBy(() -> JobArgs.parse(new String[] {"kafka.bootstrap", "h:1"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected an option like --name value");
    }

    @Test
    void shouldRejectNonNumericInterval() {
        assertThatThrownBy(() -> JobArgs.parse(new String[] {"--checkpoint.interval-ms", "1s"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--checkpoint.interval-ms must be a whole number, got '1s'");
    }

    @Test
    void shouldRejectZeroParallelism() {
        assertThatThrownBy(() -> JobArgs.parse(new String[] {"--parallelism", "0"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parallelism must be at least 1");
    }

    @Test
    void shouldRejectContactPointWithoutPort() {
        assertThatThrownBy(() -> JobArgs.parse(new String[] {"--cassandra.contact-points", "127.0.0.1"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--cassandra.contact-points needs host:port entries");
    }

    @Test
    void shouldRejectPortOutOfRange() {
        assertThatThrownBy(() -> JobArgs.parse(new String[] {"--kafka.bootstrap", "h:70000"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("port must be 1-65535");
    }

    @Test
    void shouldRejectKeyspaceThatIsNotAnIdentifier() {
        assertThatThrownBy(() -> JobArgs.parse(new String[] {"--cassandra.keyspace", "gull; DROP"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cassandra.keyspace");
    }

    @Test
    void shouldRejectRepeatedOption() {
        assertThatThrownBy(() -> JobArgs.parse(new String[] {"--parallelism", "1", "--parallelism=2"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("given twice");
    }

    @Test
    void shouldConfigureRocksDbWithIncrementalCheckpoints() {
        JobArgs args = JobArgs.parse(new String[] {"--checkpoint.interval-ms", "500", "--checkpoint.dir", "file:///x"});

        Configuration conf = JobEnvironment.configuration(args);

        assertThat(conf.get(StateBackendOptions.STATE_BACKEND)).isEqualTo("rocksdb");
        assertThat(conf.get(CheckpointingOptions.INCREMENTAL_CHECKPOINTS)).isTrue();
        assertThat(conf.get(CheckpointingOptions.CHECKPOINTING_INTERVAL)).isEqualTo(Duration.ofMillis(500));
        assertThat(conf.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY)).isEqualTo("file:///x");
    }
}
