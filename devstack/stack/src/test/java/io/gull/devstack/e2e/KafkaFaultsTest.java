package io.gull.devstack.e2e;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.gull.devstack.GullStack;
import io.gull.devstack.testing.SharedStack;

/**
 * A PUBACK means Kafka has the message, also when Kafka is killed with kill -9: the broker wrote it to its log (the
 * page cache keeps what a process kill leaves), and the edge withholds the PUBACKs of what Kafka had not acknowledged
 * until it is back. Runs late: it kills and restarts the shared Kafka, which every job and edge depends on.
 */
@Order(Integer.MAX_VALUE - 1)
class KafkaFaultsTest {
    private static final int STREAM = 10_000;
    private static final int STORED_BEFORE_KILL = 2_000;

    @Test
    void shouldStoreEveryAcknowledgedMessageOnceWhenKafkaIsKilledMidStreamAndRestarted() throws Exception {
        GullStack stack = SharedStack.get().stack();
        try (TelemetryStream stream = TelemetryStream.start("kafka-kill", STREAM)) {
            // given a device streaming QoS 1 messages, thousands of them already stored
            stream.awaitStored(STORED_BEFORE_KILL);

            // when Kafka is killed (kill -9) mid-stream and started again, the stream waiting for its PUBACKs
            stack.killService("kafka");
            stack.startService("kafka");

            // then every PUBACKed message is one row: none lost with the broker, none written twice by a retry
            stream.assertOneRowEach();
        } finally {
            stack.startService("kafka");
        }
    }
}
