package io.gull.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class SmallPartsTest {
    @Test
    void endpointsParseWithOrWithoutScheme() {
        assertThat(Endpoint.parse("tcp://127.0.0.1:1883")).isEqualTo(new Endpoint("127.0.0.1", 1883));
        assertThat(Endpoint.parse(" localhost:1884 ")).isEqualTo(new Endpoint("localhost", 1884));
        assertThatThrownBy(() -> Endpoint.parse("ssl://h:8883")).hasMessageContaining("only tcp://");
        assertThatThrownBy(() -> Endpoint.parse("tcp://h")).hasMessageContaining("needs a host and a port");
    }

    @Test
    void targetSpreadsClientsOverEdgesAndUsesTheOnlyEdgeAsBoth() {
        Target gull = new Target("gull", List.of(Endpoint.parse("h:1"), Endpoint.parse("h:2")), Optional.of("k:9092"));
        assertThat(gull.edgeA().port()).isEqualTo(1);
        assertThat(gull.edgeB().port()).isEqualTo(2);
        assertThat(gull.edgeFor(3).port()).isEqualTo(2);
        assertThat(gull.isGull()).isTrue();
        Target mosquitto = new Target("mosquitto", List.of(Endpoint.parse("h:7")), Optional.empty());
        assertThat(mosquitto.edgeB()).isEqualTo(mosquitto.edgeA());
        assertThat(mosquitto.isGull()).isFalse();
    }

    @Test
    void mosquittoConfigListensOnLoopbackAndAllowsAnonymousClients() {
        String config = MosquittoBroker.config(4567, Path.of("/tmp/x"));
        assertThat(config).contains("listener 4567 127.0.0.1\n").contains("allow_anonymous true\n")
                .contains("persistence false\n").contains("set_tcp_nodelay true\n");
    }

    @Test
    void loadSpecCountsWarmupAndTotalMessages() {
        LoadSpec load = new LoadSpec(1000, 10, 30, 5, 2, 1, 64);
        assertThat(load.warmupMessages()).isEqualTo(10_000);
        assertThat(load.totalMessages()).isEqualTo(40_000);
        assertThatThrownBy(() -> new LoadSpec(1000, 1, 1, 1, 1, 3, 64)).hasMessageContaining("--qos");
        assertThatThrownBy(() -> new LoadSpec(1000, 1, 1, 1, 1, 1, 8)).hasMessageContaining("--payload-bytes");
    }

    @Test
    void generatorSendsEveryMessageInOrderAndCountsFailures() {
        List<Long> sent = Collections.synchronizedList(new ArrayList<>());
        OpenLoopGenerator generator = new OpenLoopGenerator();
        generator.run(new RateSchedule(System.nanoTime(), 100_000, 50), (index, due) -> {
            sent.add(index);
            return index % 10 == 0 ? CompletableFuture.failedFuture(new IllegalStateException("refused"))
                    : CompletableFuture.completedFuture(null);
        });
        assertThat(sent).hasSize(50).isSorted();
        assertThat(generator.sent()).isEqualTo(50);
        assertThat(generator.errors()).isEqualTo(5);
        assertThat(generator.firstError()).hasMessage("refused");
    }

    @Test
    void launcherRunsEveryTaskAndReportsFailures() throws Exception {
        AtomicLong started = new AtomicLong();
        BoundedLauncher.Outcome outcome = new BoundedLauncher(100_000, 3).run(20, i -> i == 7
                ? CompletableFuture.failedFuture(new IllegalStateException("no"))
                : CompletableFuture.completedFuture(i), started);
        assertThat(started.get()).isEqualTo(20);
        assertThat(outcome.succeeded()).isEqualTo(19);
        assertThat(outcome.failed()).isEqualTo(1);
        assertThatThrownBy(() -> outcome.throwIfFailed("connects")).hasMessageContaining("1 of 20 connects failed");
    }

    @Test
    void failuresArePeeledToTheirCause() {
        Exception wrapped = new ExecutionException(new IllegalStateException("Connection refused: /127.0.0.1:1883"));
        assertThat(Failures.describe(wrapped)).isEqualTo("IllegalStateException: Connection refused: /127.0.0.1:1883");
    }

    @Test
    void gullCommandsAreAvroCommandsForTheDevice() {
        var command = KafkaCommandSender.command("c1", "dev-1", "bench/x/cmd/1", new byte[] {1, 2}, 1,
                java.time.Instant.parse("2026-12-01T20:00:00Z"));
        var decoded = io.gull.schemas.Codecs.COMMAND.decode(io.gull.schemas.Codecs.COMMAND.encode(command));
        assertThat(decoded.getDeviceId()).isEqualTo("dev-1");
        assertThat(decoded.getTopic()).isEqualTo("bench/x/cmd/1");
        assertThat(decoded.getQos()).isEqualTo(1);
        assertThat(decoded.getExpiresAt()).isEqualTo(java.time.Instant.parse("2026-12-01T20:01:00Z"));
    }
}
