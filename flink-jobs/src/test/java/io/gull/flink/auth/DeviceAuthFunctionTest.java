package io.gull.flink.auth;

import static io.gull.flink.auth.AuthFixtures.decision;
import static io.gull.flink.auth.AuthFixtures.device;
import static io.gull.flink.auth.AuthFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.gull.schemas.avro.AuthDecision;
import io.gull.schemas.avro.AuthOutcome;
import io.gull.schemas.avro.AuthRequest;

/** The registry and decision rules, on RocksDB state as in production, with processing time under test control. */
class DeviceAuthFunctionTest {
    private static final Duration GRACE = Duration.ofMillis(1000);
    private static final Duration MAX_AGE = Duration.ofSeconds(10);

    private KeyedTwoInputStreamOperatorTestHarness<String, DeviceChange, AuthRequest, EdgeReply> harness;
    private DeviceAuthFunction function;

    @BeforeEach
    void openHarness() throws Exception {
        function = new DeviceAuthFunction(GRACE, MAX_AGE);
        harness = ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(function,
                DeviceChange::deviceId, AuthRequest::getClientId, Types.STRING);
        harness.setStateBackend(new EmbeddedRocksDBStateBackend());
        harness.setProcessingTime(0);
        harness.open();
    }

    @AfterEach
    void closeHarness() throws Exception {
        harness.close();
    }

    @Test
    void shouldAllowRegisteredDeviceWithRightPassword() throws Exception {
        // given
        harness.processElement1(DeviceChange.registered(device("dev1", "pw", "acme")), 0);
        harness.setProcessingTime(42);

        // when
        harness.processElement2(request("r1", "dev1", null, "pw"), 0);

        // then
        List<EdgeReply> replies = harness.extractOutputValues();
        assertThat(replies).hasSize(1);
        EdgeReply reply = replies.get(0);
        assertThat(reply.edgeId()).isEqualTo("edge-1");
        assertThat(reply.clientId()).isEqualTo("dev1");
        AuthDecision decision = decision(reply);
        assertThat(decision.getOutcome()).isEqualTo(AuthOutcome.ALLOWED);
        assertThat(decision.getTenant()).isEqualTo("acme");
        assertThat(decision.getRequestId()).isEqualTo("r1");
        assertThat(decision.getClientId()).isEqualTo("dev1");
        assertThat(decision.getDecidedAt()).isEqualTo(Instant.ofEpochMilli(42));
    }

    @Test
    void shouldRejectBadPassword() throws Exception {
        // given
        harness.processElement1(DeviceChange.registered(device("dev1", "pw", "acme")), 0);

        // when
        harness.processElement2(request("r1", "dev1", "dev1", "wrong"), 0);

        // then
        AuthDecision decision = decision(single());
        assertThat(decision.getOutcome()).isEqualTo(AuthOutcome.BAD_CREDENTIALS);
        assertThat(decision.getTenant()).isNull();
    }

    @Test
    void shouldRejectMissingPassword() throws Exception {
        harness.processElement1(DeviceChange.registered(device("dev1", "pw", "acme")), 0);

        harness.processElement2(request("r1", "dev1", null, null), 0);

        assertThat(decision(single()).getOutcome()).isEqualTo(AuthOutcome.BAD_CREDENTIALS);
    }

    @Test
    void shouldRejectUsernameOtherThanClientIdEvenWithRightPassword() throws Exception {
        harness.processElement1(DeviceChange.registered(device("dev1", "pw", "acme")), 0);

        harness.processElement2(request("r1", "dev1", "someone-else", "pw"), 0);

        assertThat(decision(single()).getOutcome()).isEqualTo(AuthOutcome.BAD_CREDENTIALS);
    }

    @Test
    void shouldAllowUsernameEqualToClientId() throws Exception {
        harness.processElement1(DeviceChange.registered(device("dev1", "pw", "acme")), 0);

        harness.processElement2(request("r1", "dev1", "dev1", "pw"), 0);

        assertThat(decision(single()).getOutcome()).isEqualTo(AuthOutcome.ALLOWED);
    }

    @Test
    void shouldAnswerUnknownDeviceOnlyAfterTheGraceTimerAndCleanUp() throws Exception {
        // given a request of a device nobody registered
        harness.processElement2(request("r1", "ghost", null, "pw"), 0);
        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);

        // when the grace period has not quite passed, nothing is answered
        harness.setProcessingTime(GRACE.toMillis() - 1);
        assertThat(harness.extractOutputValues()).isEmpty();

        // when it has passed
        harness.setProcessingTime(GRACE.toMillis());

        // then
        AuthDecision decision = decision(single());
        assertThat(decision.getOutcome()).isEqualTo(AuthOutcome.UNKNOWN_DEVICE);
        assertThat(decision.getRequestId()).isEqualTo("r1");
        assertThat(decision.getDecidedAt()).isEqualTo(Instant.ofEpochMilli(GRACE.toMillis()));
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }

    @Test
    void shouldAnswerWaitingRequestWhenDeviceIsRegisteredWithinGrace() throws Exception {
        // given
        harness.processElement2(request("r1", "dev1", null, "pw"), 0);
        harness.setProcessingTime(500);

        // when
        harness.processElement1(DeviceChange.registered(device("dev1", "pw", "acme")), 0);

        // then answered at once, timer deleted, only the device left in state
        AuthDecision decision = decision(single());
        assertThat(decision.getOutcome()).isEqualTo(AuthOutcome.ALLOWED);
        assertThat(decision.getTenant()).isEqualTo("acme");
        assertThat(harness.numProcessingTimeTimers()).isZero();
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);

        // and nothing more when the old deadline passes
        harness.setProcessingTime(5000);
        assertThat(harness.extractOutputValues()).hasSize(1);
    }

    @Test
    void shouldAnswerEachWaitingRequestAtItsOwnDeadline() throws Exception {
        // given two requests 600 ms apart
        harness.processElement2(request("r1", "ghost", null, "pw"), 0);
        harness.setProcessingTime(600);
        harness.processElement2(request("r2", "ghost", null, "pw"), 0);

        // when the first deadline passes
        harness.setProcessingTime(1000);

        // then only the first is answered
        assertThat(harness.extractOutputValues()).extracting(r -> decision(r).getRequestId()).containsExactly("r1");
        assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);

        // when the second passes
        harness.setProcessingTime(1600);

        // then both are answered and nothing is left
        assertThat(harness.extractOutputValues()).extracting(r -> decision(r).getRequestId())
                .containsExactly("r1", "r2");
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }

    @Test
    void shouldTreatDeletedDeviceAsUnknown() throws Exception {
        // given a device that was registered, then deleted by a tombstone
        harness.processElement1(DeviceChange.registered(device("dev1", "pw", "acme")), 0);
        harness.processElement1(DeviceChange.deleted("dev1"), 0);
        assertThat(harness.numKeyedStateEntries()).isZero();

        // when it asks
        harness.processElement2(request("r1", "dev1", null, "pw"), 0);
        harness.setProcessingTime(GRACE.toMillis());

        // then
        assertThat(decision(single()).getOutcome()).isEqualTo(AuthOutcome.UNKNOWN_DEVICE);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }

    @Test
    void shouldUseTheNewestRegistration() throws Exception {
        // given the device's password was changed
        harness.processElement1(DeviceChange.registered(device("dev1", "old", "acme")), 0);
        harness.processElement1(DeviceChange.registered(device("dev1", "new", "acme")), 0);

        // when
        harness.processElement2(request("r1", "dev1", null, "old"), 0);
        harness.processElement2(request("r2", "dev1", null, "new"), 0);

        // then
        assertThat(harness.extractOutputValues()).extracting(r -> decision(r).getOutcome())
                .containsExactly(AuthOutcome.BAD_CREDENTIALS, AuthOutcome.ALLOWED);
    }

    @Test
    void shouldDropARequestOlderThanTheMaxAgeUnansweredAndCountIt() throws Exception {
        // given a registered device and a request made at t=0 that reaches the job after the edge gave up
        harness.processElement1(DeviceChange.registered(device("dev1", "pw", "acme")), 0);
        harness.setProcessingTime(MAX_AGE.toMillis() + 1);

        // when
        harness.processElement2(request("r-old", "dev1", null, "pw", Instant.ofEpochMilli(0)), 0);

        // then no answer, counted as stale, no decision counted
        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(function.metrics().staleRequests()).isEqualTo(1);
        assertThat(function.metrics().decisions(AuthOutcome.ALLOWED)).isZero();
    }

    @Test
    void shouldStillAnswerARequestExactlyAtTheMaxAge() throws Exception {
        harness.processElement1(DeviceChange.registered(device("dev1", "pw", "acme")), 0);
        harness.setProcessingTime(MAX_AGE.toMillis());

        harness.processElement2(request("r1", "dev1", null, "pw", Instant.ofEpochMilli(0)), 0);

        assertThat(decision(single()).getOutcome()).isEqualTo(AuthOutcome.ALLOWED);
        assertThat(function.metrics().staleRequests()).isZero();
    }

    @Test
    void shouldDropAWaitingRequestThatGrewStaleBeforeItsDeviceWasRegistered() throws Exception {
        // given a request of an unknown device, waiting for its registration (timers do not fire while time stands)
        harness.processElement2(request("r1", "dev1", null, "pw", Instant.ofEpochMilli(0)), 0);

        // when the registration is processed after the max age (say, after a restore)
        harness.setProcessingTime(MAX_AGE.toMillis() + 1);
        harness.processElement1(DeviceChange.registered(device("dev1", "pw", "acme")), 0);

        // then it is dropped, not answered, and nothing is left waiting
        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(function.metrics().staleRequests()).isEqualTo(1);
        assertThat(harness.numProcessingTimeTimers()).isZero();
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
    }

    @Test
    void shouldDropAWaitingRequestThatIsStaleWhenItsGraceEnds() throws Exception {
        // given a request that was already 9.5 s old on arrival
        harness.setProcessingTime(9_500);
        harness.processElement2(request("r1", "ghost", null, "pw", Instant.ofEpochMilli(0)), 0);

        // when the grace ends at 10.5 s
        harness.setProcessingTime(9_500 + GRACE.toMillis());

        // then it is dropped instead of being answered UNKNOWN_DEVICE
        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(function.metrics().staleRequests()).isEqualTo(1);
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void shouldCountDecisionsByOutcome() throws Exception {
        harness.processElement1(DeviceChange.registered(device("dev1", "pw", "acme")), 0);

        harness.processElement2(request("r1", "dev1", null, "pw"), 0);
        harness.processElement2(request("r2", "dev1", null, "wrong"), 0);
        harness.processElement2(request("r3", "ghost", null, "pw"), 0);
        harness.setProcessingTime(GRACE.toMillis());

        assertThat(function.metrics().decisions(AuthOutcome.ALLOWED)).isEqualTo(1);
        assertThat(function.metrics().decisions(AuthOutcome.BAD_CREDENTIALS)).isEqualTo(1);
        assertThat(function.metrics().decisions(AuthOutcome.UNKNOWN_DEVICE)).isEqualTo(1);
        assertThat(function.metrics().staleRequests()).isZero();
    }

    private EdgeReply single() {
        List<EdgeReply> replies = harness.extractOutputValues();
        assertThat(replies).hasSize(1);
        return replies.get(0);
    }
}
