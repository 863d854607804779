package io.gull.flink.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.flink.metrics.SimpleCounter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;

/**
 * The in-flight bound, retries and flush semantics of the sink, driven by a scripted stand-in for the
 * driver's executeAsync (the real-Cassandra path is covered by the devstack end-to-end test).
 */
class BoundedAsyncWriterTest {
    private static final CassandraSinkConfig CONFIG = new CassandraSinkConfig(
            List.of(InetSocketAddress.createUnresolved("127.0.0.1", 9042)), "datacenter1", "gull",
            2, Duration.ofMillis(1), Duration.ofMillis(5));

    private final List<CompletableFuture<Void>> pending = new CopyOnWriteArrayList<>();
    private final SimpleCounter retries = new SimpleCounter();
    private BoundedAsyncWriter<String> writer;

    @AfterEach
    void close() {
        if (writer != null) {
            writer.close();
        }
    }

    @Test
    void shouldBlockWritesWhileTheInFlightLimitIsReached() throws Exception {
        // given two writes Cassandra has not answered yet
        writer = new BoundedAsyncWriter<>(statement -> track(new CompletableFuture<>()), CONFIG, new OutageLog("test"), retries);
        writer.submit("a");
        writer.submit("b");

        // when a third write comes
        CompletableFuture<Void> third = CompletableFuture.runAsync(() -> submitQuietly("c"));

        // then it waits until one of them is acknowledged
        await().until(() -> pending.size() == 2 && !third.isDone());
        pending.get(0).complete(null);
        third.get();
        assertThat(pending).hasSize(3);
        assertThat(writer.inFlight()).isEqualTo(2);
    }

    @Test
    void shouldWaitInFlushUntilEveryWriteIsAcknowledged() throws Exception {
        // given
        writer = new BoundedAsyncWriter<>(statement -> track(new CompletableFuture<>()), CONFIG, new OutageLog("test"), retries);
        writer.submit("a");

        // when
        CompletableFuture<Void> flushed = CompletableFuture.runAsync(() -> {
            try {
                writer.awaitAll();
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        // then
        await().until(() -> pending.size() == 1);
        assertThat(flushed).isNotDone();
        pending.get(0).complete(null);
        flushed.get();
        assertThat(writer.inFlight()).isZero();
    }

    @Test
    void shouldRetryTransientErrorsUntilTheWriteSucceeds() throws Exception {
        // given Cassandra times out three times, then answers
        Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        writer = new BoundedAsyncWriter<>(statement -> {
            int attempt = attempts.computeIfAbsent(statement, s -> new AtomicInteger()).incrementAndGet();
            return attempt <= 3
                    ? CompletableFuture.failedFuture(new DriverTimeoutException("timed out"))
                    : CompletableFuture.completedFuture(null);
        }, CONFIG, new OutageLog("test"), retries);

        // when
        writer.submit("a");
        writer.awaitAll();

        // then
        assertThat(attempts.get("a")).hasValue(4);
        assertThat(writer.inFlight()).isZero();
        assertThat(retries.getCount()).isEqualTo(3);
    }

    @Test
    void shouldFailWithClearMessageOnNonRetriableError() throws Exception {
        // given
        writer = new BoundedAsyncWriter<>(
                statement -> CompletableFuture.failedFuture(new InvalidQueryException(null, "unconfigured table x")),
                CONFIG, new OutageLog("test"), retries);

        // when
        writer.submit("a");

        // then
        assertThatThrownBy(writer::awaitAll)
                .isInstanceOf(IOException.class)
                .hasMessageContaining("non-retriable")
                .hasMessageContaining("unconfigured table x");
        assertThatThrownBy(() -> writer.submit("b")).isInstanceOf(IOException.class);
    }

    @Test
    void shouldReportAnOutageOnceAndItsEnd() throws Exception {
        // given
        OutageLog outages = new OutageLog("test");
        AtomicInteger calls = new AtomicInteger();
        writer = new BoundedAsyncWriter<>(statement -> calls.incrementAndGet() == 1
                ? CompletableFuture.failedFuture(new DriverTimeoutException("down"))
                : CompletableFuture.completedFuture(null), CONFIG, outages, retries);

        // when
        writer.submit("a");
        writer.awaitAll();

        // then
        assertThat(outages.inOutage()).isFalse();
    }

    @Test
    void shouldSetAsideAWriteRejectedForItsDataAndGoOnWithTheOthers() throws Exception {
        // given Cassandra rejects one statement's data (in Cassandra 5 an oversized mutation is an invalid request)
        writer = new BoundedAsyncWriter<>(statement -> statement.equals("too-big")
                ? CompletableFuture.failedFuture(new InvalidQueryException(null,
                        "Rejected an oversized mutation (20000000/16777216) for keyspace: gull"))
                : CompletableFuture.completedFuture(null), CONFIG, new OutageLog("test"), retries);

        // when
        writer.submit("a");
        writer.submit("too-big");
        writer.submit("b");
        writer.awaitAll();

        // then the job goes on, and the rejected write is handed out once, with its error
        List<BoundedAsyncWriter.Rejected<String>> rejected = writer.drainRejected();
        assertThat(rejected).extracting(BoundedAsyncWriter.Rejected::write).containsExactly("too-big");
        assertThat(rejected.get(0).error()).hasMessageContaining("oversized mutation");
        assertThat(writer.drainRejected()).isEmpty();
        writer.submit("c");
        assertThat(writer.inFlight()).isZero();
        assertThat(retries.getCount()).isZero();
    }

    private CompletableFuture<Void> track(CompletableFuture<Void> future) {
        pending.add(future);
        return future;
    }

    private void submitQuietly(String statement) {
        try {
            writer.submit(statement);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
