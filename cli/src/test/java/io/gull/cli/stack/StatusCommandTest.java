package io.gull.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.gull.cli.output.ResultTable;
import io.gull.devstack.ServiceStatus;

class StatusCommandTest {
    private static final ServiceStatus KAFKA_UP = new ServiceStatus("kafka", true, 123, "127.0.0.1:9092", "");
    private static final ServiceStatus EDGE_DOWN = new ServiceStatus("edge", false, -1, "127.0.0.1:1883", "");

    @Test
    void shouldShowStateAndPidOnlyForRunningServices() {
        // when
        ResultTable table = StatusCommand.table(List.of(KAFKA_UP, EDGE_DOWN));

        // then
        assertThat(table.columns()).startsWith("service", "state", "pid", "endpoint");
        assertThat(table.rows().get(0)).startsWith("kafka", "running", 123L, "127.0.0.1:9092");
        assertThat(table.rows().get(1)).startsWith("edge", "not running", null, "127.0.0.1:1883");
    }

    @Test
    void shouldSayClearlyWhenNothingRuns() {
        assertThat(StatusCommand.summary(List.of(EDGE_DOWN))).startsWith("Gull is not running.");
        assertThat(StatusCommand.summary(List.of())).startsWith("Gull is not running.");
    }

    @Test
    void shouldNameTheServicesThatAreDownWhenPartlyRunning() {
        assertThat(StatusCommand.summary(List.of(KAFKA_UP, EDGE_DOWN))).isEqualTo("Gull is partly running: edge not"
                + " running. Start it with ./gull start edge, or restart everything with ./gull down and ./gull up -d");
    }

    @Test
    void shouldSayRunningWhenEverythingRuns() {
        assertThat(StatusCommand.summary(List.of(KAFKA_UP))).startsWith("Gull is running.");
    }
}
