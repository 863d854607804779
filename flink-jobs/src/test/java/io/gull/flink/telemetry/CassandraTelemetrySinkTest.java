package io.gull.flink.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/** Start-up of the sink while Cassandra is down (its writes against a real Cassandra run in devstack's e2e test). */
class CassandraTelemetrySinkTest {

    @Test
    void shouldWaitForAnUnreachableCassandraInsteadOfFailingAndStopWhenCancelled() throws Exception {
        // given a port nothing listens on
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        CassandraTelemetrySink sink = new CassandraTelemetrySink(new CassandraSinkConfig(
                List.of(InetSocketAddress.createUnresolved("127.0.0.1", port)), "datacenter1", "gull", 8,
                Duration.ofMillis(20), Duration.ofMillis(50)), "127.0.0.1:" + port);

        // when the writer is created
        AtomicReference<Thread> opener = new AtomicReference<>();
        CompletableFuture<Object> writer = CompletableFuture.supplyAsync(() -> {
            opener.set(Thread.currentThread());
            try {
                return sink.createWriter(null);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        // then it keeps waiting (Flink cancels by interrupting the task thread)
        await().until(() -> opener.get() != null && opener.get().getState() == Thread.State.TIMED_WAITING);
        assertThat(writer).isNotDone();
        opener.get().interrupt();
        assertThat(catchCause(writer)).isInstanceOf(InterruptedIOException.class);
    }

    private static Throwable catchCause(CompletableFuture<Object> future) throws InterruptedException {
        try {
            future.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause().getCause();
        }
    }
}
