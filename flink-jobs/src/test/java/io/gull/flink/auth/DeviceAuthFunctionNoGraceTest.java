package io.gull.flink.auth;

import static io.gull.flink.auth.AuthFixtures.decision;
import static io.gull.flink.auth.AuthFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

import io.gull.schemas.avro.AuthOutcome;
import io.gull.schemas.avro.AuthRequest;

class DeviceAuthFunctionNoGraceTest {

    @Test
    @SuppressWarnings("try") // the harness' close() may throw InterruptedException
    void shouldAnswerUnknownDeviceAtOnceWhenGraceIsZero() throws Exception {
        try (KeyedTwoInputStreamOperatorTestHarness<String, DeviceChange, AuthRequest, EdgeReply> harness =
                ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(
                        new DeviceAuthFunction(Duration.ZERO, Duration.ofSeconds(10)),
                        DeviceChange::deviceId, AuthRequest::getClientId, Types.STRING)) {
            harness.open();

            harness.processElement2(request("r1", "ghost", null, "pw"), 0);

            assertThat(harness.extractOutputValues()).extracting(r -> decision(r).getOutcome())
                    .containsExactly(AuthOutcome.UNKNOWN_DEVICE);
            assertThat(harness.numKeyedStateEntries()).isZero();
            assertThat(harness.numProcessingTimeTimers()).isZero();
        }
    }
}
