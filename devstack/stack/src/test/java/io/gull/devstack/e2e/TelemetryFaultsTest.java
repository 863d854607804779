package io.gull.devstack.e2e;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.gull.devstack.GullStack;
import io.gull.devstack.testing.SharedStack;

/**
 * A telemetry row Cassandra acknowledged survives a kill -9 of Cassandra: the devstack's single node acknowledges a
 * write only once the commitlog holding it was synced ({@code commitlog_sync: group}). With periodic sync a restart
 * replays the commitlog only up to the last sync marker (written every 100 ms), so the writes acknowledged just before
 * the kill were lost: two of 3,000 in a CI run. Paused (SIGSTOP) for 30 s, Cassandra loses nothing either: the
 * sink's timed-out writes are retried. Runs late: it pauses, kills and restarts the shared Cassandra.
 */
@Order(Integer.MAX_VALUE - 1)
class TelemetryFaultsTest {
    private static final int STREAM = 10_000;
    private static final int STORED_BEFORE_FAULT = 2_000;
    private static final Duration PAUSE = Duration.ofSeconds(30);

    @Test
    void shouldStoreEveryMessageOnceWhenCassandraIsPausedForThirtySecondsMidStream() throws Exception {
        long cassandra = SharedStack.get().stack().pid("cassandra").orElseThrow();
        try (TelemetryStream stream = TelemetryStream.start("cassandra-pause", STREAM)) {
            // given a device streaming QoS 1 messages, thousands of them already stored
            stream.awaitStored(STORED_BEFORE_FAULT);

            // when Cassandra stops answering for 30 s (SIGSTOP: its connections stay open, its writes time out)
            // while the stream goes on, and then carries on (SIGCONT)
            signal("STOP", cassandra);
            try {
                Thread.sleep(PAUSE.toMillis());
            } finally {
                signal("CONT", cassandra);
            }

            // then every PUBACKed message is one row: the timed-out writes were retried, none twice
            stream.assertOneRowEach();
        }
    }

    @Test
    void shouldKeepEveryStoredMessageOnceWhenCassandraIsKilledMidStreamAndRestarted() throws Exception {
        GullStack stack = SharedStack.get().stack();
        try (TelemetryStream stream = TelemetryStream.start("cassandra-kill", STREAM)) {
            // given a device streaming QoS 1 messages, thousands of them already stored and acknowledged by Cassandra
            stream.awaitStored(STORED_BEFORE_FAULT);

            // when Cassandra is killed (kill -9) mid-stream, the stream goes on, and Cassandra is started again
            stack.killService("cassandra");
            stream.acknowledged();
            stack.startService("cassandra");

            // then every PUBACKed message is one row: none stored before the kill was lost with it, none written twice
            stream.assertOneRowEach();
        } finally {
            stack.startService("cassandra");
        }
    }

    private static void signal(String signal, long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IOException("kill -" + signal + " " + pid + " failed with exit code " + kill.exitValue());
        }
    }
}
