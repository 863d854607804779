package io.gull.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class EdgeConfigParserTest {

    @Test
    void shouldUseDefaultsWhenNothingIsGiven() {
        EdgeConfig config = EdgeConfigParser.parse();

        assertThat(config).isEqualTo(EdgeConfig.defaults());
        assertThat(config.maxPacketSize()).isEqualTo(1_000_000);
        assertThat(config.maxRequestSize()).isEqualTo(1_048_576);
        assertThat(config.maxInflightBytesPerConnection()).isEqualTo(8 * 1024 * 1024);
        assertThat(config.maxPendingBytes()).isEqualTo(64L * 1024 * 1024);
        assertThat(config.producerBufferMemory()).isGreaterThan(config.maxPendingBytes());
        assertThat(config.shutdownTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(config.authTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.inboxTopic()).isEqualTo("gull.edge.edge-1");
    }

    @Test
    void shouldParseTheLaunchArguments() {
        EdgeConfig config = EdgeConfigParser.parse("--edge-id=edge-2", "--mqtt.host=0.0.0.0", "--mqtt.port=1884",
                "--kafka.bootstrap=127.0.0.1:9093", "--auth.timeout-ms=2500");

        assertThat(config.edgeId()).isEqualTo("edge-2");
        assertThat(config.mqttHost()).isEqualTo("0.0.0.0");
        assertThat(config.mqttPort()).isEqualTo(1884);
        assertThat(config.kafkaBootstrap()).isEqualTo("127.0.0.1:9093");
        assertThat(config.authTimeout()).isEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void shouldParseAnonymousAccessAndTheHeartbeatIntervalWithSafeDefaults() {
        // given no options, then both options
        EdgeConfig defaults = EdgeConfigParser.parse();
        EdgeConfig given = EdgeConfigParser.parse("--mqtt.allow-anonymous=true", "--edge.heartbeat-interval-ms=500");

        // then anonymous clients are off by default and heartbeats come every 2 s
        assertThat(defaults.allowAnonymous()).isFalse();
        assertThat(defaults.heartbeatInterval()).isEqualTo(java.time.Duration.ofSeconds(2));
        assertThat(given.allowAnonymous()).isTrue();
        assertThat(given.heartbeatInterval()).isEqualTo(java.time.Duration.ofMillis(500));
        assertThatThrownBy(() -> EdgeConfigParser.parse("--mqtt.allow-anonymous=yes"))
                .hasMessageContaining("--mqtt.allow-anonymous");
    }

    @Test
    void shouldRejectUnknownKey() {
        assertThatThrownBy(() -> EdgeConfigParser.parse("--mqtt.prot=1883"))
                .isInstanceOf(EdgeConfigParser.ConfigException.class)
                .hasMessage("unknown option --mqtt.prot");
    }

    @Test
    void shouldRejectBadValuesNamingTheOption() {
        assertThatThrownBy(() -> EdgeConfigParser.parse("--mqtt.port=abc"))
                .hasMessageContaining("--mqtt.port must be an integer");
        assertThatThrownBy(() -> EdgeConfigParser.parse("--mqtt.port=70000"))
                .hasMessageContaining("mqtt.port must be between 0 and 65535");
        assertThatThrownBy(() -> EdgeConfigParser.parse("--edge-id=bad id"))
                .hasMessageContaining("edge id");
        assertThatThrownBy(() -> EdgeConfigParser.parse("mqtt.port=1883"))
                .hasMessageContaining("expected --key=value");
    }

    @Test
    void shouldRefuseAMaxPacketSizeKafkaCouldNeverStoreNamingTheOptions() {
        assertThatThrownBy(() -> EdgeConfigParser.parse("--mqtt.max-packet-size=1048576"))
                .isInstanceOf(EdgeConfigParser.ConfigException.class)
                .hasMessageContaining("mqtt.max-packet-size 1048576")
                .hasMessageContaining("kafka.max-request-size 1048576");
        assertThat(EdgeMain.run(new String[] {"--mqtt.max-packet-size=1048576"})).isEqualTo(2);
        assertThat(EdgeConfigParser.parse("--mqtt.max-packet-size=2000000", "--kafka.max-request-size=2001024")
                .maxPacketSize()).isEqualTo(2_000_000);
    }

    @Test
    void shouldSetTheProducerMaxRequestSizeAndBufferMemoryExplicitly() {
        var props = io.gull.edge.kafka.KafkaClients.producer(EdgeConfigParser.parse("--kafka.max-pending-bytes=1000000"));

        assertThat(props).containsEntry("max.request.size", 1_048_576);
        assertThat((Long) props.get("buffer.memory")).isGreaterThan(1_000_000L);
    }

    @Test
    void shouldExitWith2OnABadCommandLine() {
        assertThat(EdgeMain.run(new String[] {"--nope=1"})).isEqualTo(2);
    }

    @Test
    void shouldListEveryOptionInTheUsage() {
        assertThat(EdgeConfigParser.usage()).contains("--kafka.delivery-timeout-ms=", "(default 120000)",
                "--edge-id=", "(default edge-1)");
    }
}
