package io.gull.flink.session;

import static io.gull.flink.auth.AuthFixtures.device;
import static io.gull.flink.auth.AuthFixtures.request;
import static io.gull.flink.session.SessionFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.gull.flink.auth.EdgeReply;
import io.gull.schemas.avro.AuthDecision;
import io.gull.schemas.avro.AuthOutcome;
import io.gull.schemas.avro.AuthRequest;

/** The registry and decision rules of the sessions operator (what the device-auth job did, and anonymous clients). */
class SessionsFunctionAuthTest {
    private static final Duration GRACE = Duration.ofMillis(1000);
    private static final Duration MAX_AGE = Duration.ofSeconds(10);

    private SessionsHarness sessions;

    @BeforeEach
    void open() throws Exception {
        sessions = new SessionsHarness(new SessionConfig(GRACE, MAX_AGE, Session.NEVER));
    }

    @AfterEach
    void close() throws Exception {
        sessions.close();
    }

    @Test
    void shouldAllowRegisteredDeviceWithRightPassword() throws Exception {
        // given
        sessions.register(device("dev1", "pw", "acme"));
        sessions.at(T0 + 42);

        // when
        sessions.connect(request("r1", "dev1", null, "pw"));

        // then
        EdgeReply reply = sessions.takeReplies().get(0);
        assertThat(reply.edgeId()).isEqualTo("edge-1");
        assertThat(reply.clientId()).isEqualTo("dev1");
        AuthDecision decision = (AuthDecision) reply.message().getBody();
        assertThat(decision.getOutcome()).isEqualTo(AuthOutcome.ALLOWED);
        assertThat(decision.getTenant()).isEqualTo("acme");
        assertThat(decision.getRequestId()).isEqualTo("r1");
        assertThat(decision.getDecidedAt()).isEqualTo(Instant.ofEpochMilli(T0 + 42));
    }

    @Test
    void shouldRejectBadOrMissingPasswordAndAUsernameOtherThanTheClientId() throws Exception {
        sessions.register(device("dev1", "pw", "acme"));

        sessions.connect(request("r1", "dev1", "dev1", "wrong"));
        sessions.connect(request("r2", "dev1", null, null));
        sessions.connect(request("r3", "dev1", "someone-else", "pw"));

        assertThat(sessions.takeDecisions()).extracting(AuthDecision::getOutcome).containsExactly(
                AuthOutcome.BAD_CREDENTIALS, AuthOutcome.BAD_CREDENTIALS, AuthOutcome.BAD_CREDENTIALS);
        assertThat(sessions.takePresence()).isEmpty();
    }

    @Test
    void shouldAnswerUnknownDeviceOnlyAfterTheGraceTimerAndCleanUp() throws Exception {
        // given a request of a device nobody registered
        sessions.connect(request("r1", "ghost", null, "pw"));
        assertThat(sessions.takeReplies()).isEmpty();

        // when the grace period has not quite passed, nothing is answered
        sessions.at(T0 + GRACE.toMillis() - 1);
        assertThat(sessions.takeReplies()).isEmpty();

        // when it has passed
        sessions.at(T0 + GRACE.toMillis());

        // then
        AuthDecision decision = sessions.takeDecision();
        assertThat(decision.getOutcome()).isEqualTo(AuthOutcome.UNKNOWN_DEVICE);
        assertThat(decision.getRequestId()).isEqualTo("r1");
        assertThat(sessions.timers()).isZero();
    }

    @Test
    void shouldAnswerWaitingRequestWhenDeviceIsRegisteredWithinGrace() throws Exception {
        // given
        sessions.connect(request("r1", "dev1", null, "pw"));
        sessions.at(T0 + 500);

        // when
        sessions.register(device("dev1", "pw", "acme"));

        // then answered at once, the grace timer deleted
        AuthDecision decision = sessions.takeDecision();
        assertThat(decision.getOutcome()).isEqualTo(AuthOutcome.ALLOWED);
        assertThat(decision.getTenant()).isEqualTo("acme");
        assertThat(sessions.timers()).isZero();

        // and nothing more when the old deadline passes
        sessions.at(T0 + 5000);
        assertThat(sessions.takeReplies()).isEmpty();
    }

    @Test
    void shouldAnswerEachWaitingRequestAtItsOwnDeadline() throws Exception {
        sessions.connect(request("r1", "ghost", null, "pw"));
        sessions.at(T0 + 600);
        sessions.connect(request("r2", "ghost", null, "pw"));

        sessions.at(T0 + 1000);
        assertThat(sessions.takeDecisions()).extracting(AuthDecision::getRequestId).containsExactly("r1");

        sessions.at(T0 + 1600);
        assertThat(sessions.takeDecisions()).extracting(AuthDecision::getRequestId).containsExactly("r2");
        assertThat(sessions.timers()).isZero();
    }

    @Test
    void shouldTreatDeletedDeviceAsUnknownAndUseTheNewestRegistration() throws Exception {
        sessions.register(device("dev1", "old", "acme"));
        sessions.register(device("dev1", "new", "acme"));
        sessions.connect(request("r1", "dev1", null, "old"));
        sessions.connect(request("r2", "dev1", null, "new"));
        assertThat(sessions.takeDecisions()).extracting(AuthDecision::getOutcome)
                .containsExactly(AuthOutcome.BAD_CREDENTIALS, AuthOutcome.ALLOWED);

        sessions.delete("dev1");
        sessions.connect(request("r3", "dev1", null, "new"));
        sessions.at(T0 + GRACE.toMillis());

        assertThat(sessions.takeDecision().getOutcome()).isEqualTo(AuthOutcome.UNKNOWN_DEVICE);
    }

    @Test
    void shouldDropARequestOlderThanTheMaxAgeByTheBrokersClockUnansweredAndCountIt() throws Exception {
        // given a registered device and a request the broker appended at T0, reaching the job after the edge gave up
        sessions.register(device("dev1", "pw", "acme"));
        sessions.at(T0 + MAX_AGE.toMillis() + 1);

        // when
        sessions.connect(request("r-old", "dev1", null, "pw"), T0);

        // then no answer, counted as stale, no decision counted
        assertThat(sessions.takeReplies()).isEmpty();
        assertThat(sessions.metrics().staleRequests()).isEqualTo(1);
        assertThat(sessions.metrics().decisions(AuthOutcome.ALLOWED)).isZero();
    }

    @Test
    void shouldStillAnswerARequestExactlyAtTheMaxAge() throws Exception {
        sessions.register(device("dev1", "pw", "acme"));
        sessions.at(T0 + MAX_AGE.toMillis());

        sessions.connect(request("r1", "dev1", null, "pw"), T0);

        assertThat(sessions.takeDecision().getOutcome()).isEqualTo(AuthOutcome.ALLOWED);
        assertThat(sessions.metrics().staleRequests()).isZero();
    }

    @Test
    void shouldStillAnswerARequestTheEdgeGaveUpOnSoAReplayAfterARestoreReopensItsSession() throws Exception {
        // given an edge that waits only 2 s for its decisions
        sessions.register(device("dev1", "pw", "acme"));
        AuthRequest impatient = AuthRequest.newBuilder(request("r1", "dev1", null, "pw")).setTimeoutMs(2000).build();
        sessions.at(T0 + 2001);

        // when the request arrives 2001 ms after the broker took it (e.g. replayed after the job restored a checkpoint)
        sessions.connect(impatient, T0);

        // then it is answered (and its session opened): a too-late ALLOWED is closed by the edge with a DISCONNECTED
        assertThat(sessions.takeDecision().getOutcome()).isEqualTo(AuthOutcome.ALLOWED);
        assertThat(sessions.metrics().staleRequests()).isZero();
    }

    @Test
    void shouldAuthenticateAnEdgeWhoseClockIsThirtySecondsOff() throws Exception {
        // given a device, and edges whose clocks are 30 s behind and 30 s ahead of the broker's and the job's
        sessions.register(device("dev1", "pw", "acme"));
        AuthRequest behind = request("r-behind", "dev1", null, "pw", Instant.ofEpochMilli(T0 - 30_000));
        AuthRequest ahead = request("r-ahead", "dev1", null, "pw", Instant.ofEpochMilli(T0 + 30_000));

        // when their requests reach the job 5 ms after the broker appended them
        sessions.at(T0 + 5);
        sessions.connect(behind, T0);
        sessions.connect(ahead, T0);

        // then both are answered: only the broker's time counts
        assertThat(sessions.takeDecisions()).extracting(AuthDecision::getOutcome)
                .containsExactly(AuthOutcome.ALLOWED, AuthOutcome.ALLOWED);
        assertThat(sessions.metrics().staleRequests()).isZero();
    }

    @Test
    void shouldDropAWaitingRequestThatGrewStaleBeforeItsDeviceWasRegistered() throws Exception {
        // given a request of an unknown device, waiting for its registration
        sessions.connect(request("r1", "dev1", null, "pw"), T0);

        // when the registration is processed after the max age (say, after a restore)
        sessions.at(T0 + MAX_AGE.toMillis() + 1);
        sessions.register(device("dev1", "pw", "acme"));

        // then it is dropped, not answered, and nothing is left waiting
        assertThat(sessions.takeReplies()).isEmpty();
        assertThat(sessions.metrics().staleRequests()).isEqualTo(1);
        assertThat(sessions.timers()).isZero();
    }

    @Test
    void shouldDropAWaitingRequestThatIsStaleWhenItsGraceEnds() throws Exception {
        // given a request that was already 9.5 s old on arrival
        sessions.at(T0 + 9_500);
        sessions.connect(request("r1", "ghost", null, "pw"), T0);

        // when the grace ends at 10.5 s
        sessions.at(T0 + 9_500 + GRACE.toMillis());

        // then it is dropped instead of being answered UNKNOWN_DEVICE
        assertThat(sessions.takeReplies()).isEmpty();
        assertThat(sessions.metrics().staleRequests()).isEqualTo(1);
    }

    @Test
    void shouldAllowAnAnonymousClientWhoseClientIdIsNoDeviceInTheAnonymousTenant() throws Exception {
        // when an anonymous client connects with a client id nobody registered
        sessions.connect(AuthRequest.newBuilder(request("r1", "tool-1", null, null)).setAnonymous(true).build());

        // then it is allowed at once, in the anonymous tenant
        AuthDecision decision = sessions.takeDecision();
        assertThat(decision.getOutcome()).isEqualTo(AuthOutcome.ALLOWED);
        assertThat(decision.getTenant()).isEqualTo(Admission.ANONYMOUS_TENANT);
        assertThat(sessions.timers()).isZero();
    }

    @Test
    void shouldRefuseAnAnonymousClientUsingTheClientIdOfARegisteredDevice() throws Exception {
        // given
        sessions.register(device("dev1", "pw", "acme"));

        // when someone connects anonymously as dev1
        sessions.connect(AuthRequest.newBuilder(request("r1", "dev1", null, null)).setAnonymous(true).build());

        // then
        assertThat(sessions.takeDecision().getOutcome()).isEqualTo(AuthOutcome.BAD_CREDENTIALS);
        assertThat(sessions.takePresence()).isEmpty();
    }

    @Test
    void shouldCountDecisionsByOutcome() throws Exception {
        sessions.register(device("dev1", "pw", "acme"));

        sessions.connect(request("r1", "dev1", null, "pw"));
        sessions.connect(request("r2", "dev1", null, "wrong"));
        sessions.connect(request("r3", "ghost", null, "pw"));
        sessions.at(T0 + GRACE.toMillis());

        assertThat(sessions.metrics().decisions(AuthOutcome.ALLOWED)).isEqualTo(1);
        assertThat(sessions.metrics().decisions(AuthOutcome.BAD_CREDENTIALS)).isEqualTo(1);
        assertThat(sessions.metrics().decisions(AuthOutcome.UNKNOWN_DEVICE)).isEqualTo(1);
        assertThat(sessions.metrics().staleRequests()).isZero();
    }

    @Test
    void shouldAnswerUnknownDeviceAtOnceWhenGraceIsZero() throws Exception {
        try (SessionsHarness noGrace = new SessionsHarness(new SessionConfig(Duration.ZERO, MAX_AGE, Session.NEVER))) {
            noGrace.connect(request("r1", "ghost", null, "pw"));

            assertThat(noGrace.takeDecision().getOutcome()).isEqualTo(AuthOutcome.UNKNOWN_DEVICE);
            assertThat(noGrace.timers()).isZero();
        }
    }
}
