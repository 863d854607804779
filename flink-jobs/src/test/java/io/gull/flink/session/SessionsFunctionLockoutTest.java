package io.gull.flink.session;

import static io.gull.flink.auth.AuthFixtures.device;
import static io.gull.flink.auth.AuthFixtures.request;
import static io.gull.flink.session.SessionFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.gull.flink.auth.LockoutConfig;
import io.gull.schemas.avro.AuthDecision;
import io.gull.schemas.avro.AuthOutcome;
import io.gull.schemas.avro.AuthRequest;

/**
 * Brute-force protection per client id in the sessions operator (RocksDB state, processing and TTL time under the
 * test's control): 5 failed password checks free, then locked out 1 s, doubling to 5 min; refused unchecked meanwhile.
 */
class SessionsFunctionLockoutTest {
    private static final Duration GRACE = Duration.ofMillis(1000);
    private static final Duration MAX_AGE = Duration.ofSeconds(10);
    private static final SessionConfig CONFIG = new SessionConfig(GRACE, MAX_AGE, Session.NEVER)
            .withLockout(LockoutConfig.DEFAULTS);

    private SessionsHarness sessions;
    private int requests;

    @BeforeEach
    void open() throws Exception {
        sessions = new SessionsHarness(CONFIG);
        sessions.register(device("dev1", "pw", "acme"));
    }

    @AfterEach
    void close() throws Exception {
        sessions.close();
    }

    @Test
    void shouldRefuseTheRightPasswordRateLimitedWithoutCheckingItAfterFiveFailures() throws Exception {
        // given five wrong passwords for dev1
        for (int i = 0; i < 5; i++) {
            assertThat(attempt("dev1", "wrong")).isEqualTo(AuthOutcome.BAD_CREDENTIALS);
        }

        // when the right one comes within the lock-out (1 s)
        sessions.at(T0 + 999);
        AuthOutcome outcome = attempt("dev1", "pw");

        // then it is refused unchecked, and no session opens
        assertThat(outcome).isEqualTo(AuthOutcome.RATE_LIMITED);
        assertThat(sessions.takePresence()).isEmpty();
        assertThat(sessions.metrics().counted(SessionMetrics.Event.LOCKOUT)).isEqualTo(1);
        assertThat(sessions.metrics().decisions(AuthOutcome.RATE_LIMITED)).isEqualTo(1);
    }

    @Test
    void shouldCheckAgainWhenTheLockoutEndsDoubleItOnTheNextFailureAndForgetItOnSuccess() throws Exception {
        // given dev1 locked out after five failures at T0 (until T0 + 1 s)
        fail("dev1", 5);

        // when the lock-out has ended, one more failure locks it for 2 s
        sessions.at(T0 + 1000);
        assertThat(attempt("dev1", "wrong")).isEqualTo(AuthOutcome.BAD_CREDENTIALS);
        sessions.at(T0 + 2999);
        assertThat(attempt("dev1", "pw")).isEqualTo(AuthOutcome.RATE_LIMITED);

        // then the right password once it ended is allowed, and the count starts again from zero
        sessions.at(T0 + 3000);
        assertThat(attempt("dev1", "pw")).isEqualTo(AuthOutcome.ALLOWED);
        assertThat(sessions.keysWith(LockoutGate.STATE)).isZero();
        fail("dev1", 4);
        assertThat(attempt("dev1", "pw")).isEqualTo(AuthOutcome.ALLOWED);
    }

    @Test
    void shouldCapTheLockoutAtFiveMinutes() throws Exception {
        // given dev1 failing once at the end of every lock-out, 20 times (1 s, 2 s, ... 256 s, then the cap)
        long now = T0;
        fail("dev1", 4);
        for (int i = 0; i < 20; i++) {
            sessions.at(now);
            assertThat(attempt("dev1", "wrong")).isEqualTo(AuthOutcome.BAD_CREDENTIALS);
            now += Math.min(1000L << i, 300_000);
        }

        // when / then the last lock-out lasts exactly 5 min
        sessions.at(now - 1);
        assertThat(attempt("dev1", "pw")).isEqualTo(AuthOutcome.RATE_LIMITED);
        sessions.at(now);
        assertThat(attempt("dev1", "pw")).isEqualTo(AuthOutcome.ALLOWED);
    }

    @Test
    void shouldKeepTheLockoutAcrossACheckpointAndRestore() throws Exception {
        // given dev1 locked out, and a checkpoint
        fail("dev1", 5);
        OperatorSubtaskState checkpoint = sessions.snapshot();

        // when the operator restarts from it
        try (SessionsHarness restored = new SessionsHarness(CONFIG, checkpoint)) {
            restored.at(T0 + 500);
            restored.connect(request("after-restore", "dev1", null, "pw"));

            // then the lock-out holds
            assertThat(restored.takeDecision().getOutcome()).isEqualTo(AuthOutcome.RATE_LIMITED);
        }
    }

    @Test
    void shouldForgetTheFailuresOfAClientIdAnHourAfterItsLastFailure() throws Exception {
        // given dev1 locked out after five failures
        sessions.harness.setStateTtlProcessingTime(0);
        fail("dev1", 5);
        assertThat(attempt("dev1", "pw")).isEqualTo(AuthOutcome.RATE_LIMITED);

        // when an hour passes without a failure (the state's TTL, never refreshed by the refusal)
        sessions.at(T0 + Duration.ofHours(1).toMillis());
        sessions.harness.setStateTtlProcessingTime(Duration.ofHours(1).toMillis());

        // then its count starts from zero: four failures are free again (remembered, the 6th would lock 2 s)
        fail("dev1", 4);
        assertThat(attempt("dev1", "pw")).isEqualTo(AuthOutcome.ALLOWED);
    }

    @Test
    void shouldLockOutOneClientIdOnly() throws Exception {
        // given dev1 locked out
        sessions.register(device("dev2", "pw2", "acme"));
        fail("dev1", 5);

        // when dev2 connects, then it is checked as always, while dev1 stays locked out
        assertThat(attempt("dev2", "pw2")).isEqualTo(AuthOutcome.ALLOWED);
        assertThat(attempt("dev1", "pw")).isEqualTo(AuthOutcome.RATE_LIMITED);
    }

    @Test
    void shouldKeepFailureStateOnlyForRegisteredClientIds() throws Exception {
        // given dev1 (registered) failing five times
        fail("dev1", 5);

        // when a client id nobody registered fails ten times and the grace ends
        for (int i = 0; i < 10; i++) {
            sessions.connect(request("g" + i, "ghost", null, "guess" + i));
        }
        sessions.at(T0 + GRACE.toMillis());

        // then each guess is answered UNKNOWN_DEVICE, and only dev1 has failure state: guessed ids cost nothing
        assertThat(sessions.takeDecisions()).extracting(AuthDecision::getOutcome)
                .containsOnly(AuthOutcome.UNKNOWN_DEVICE).hasSize(10);
        assertThat(sessions.keysWith(LockoutGate.STATE)).isEqualTo(1);
    }

    @Test
    void shouldNotCountOrGateAnonymousRequests() throws Exception {
        // given dev1 locked out
        fail("dev1", 5);
        assertThat(attempt("dev1", "pw")).isEqualTo(AuthOutcome.RATE_LIMITED);

        // when an anonymous client asks for the registered client id
        AuthRequest anonymous = AuthRequest.newBuilder(request("anon", "dev1", null, null)).setAnonymous(true)
                .build();
        sessions.connect(anonymous);

        // then it gets the anonymous rule's answer, not RATE_LIMITED
        assertThat(sessions.takeDecision().getOutcome()).isEqualTo(AuthOutcome.BAD_CREDENTIALS);
    }

    private void fail(String clientId, int times) throws Exception {
        for (int i = 0; i < times; i++) {
            assertThat(attempt(clientId, "wrong")).isEqualTo(AuthOutcome.BAD_CREDENTIALS);
        }
    }

    private AuthOutcome attempt(String clientId, String password) throws Exception {
        sessions.connect(request("r" + requests++, clientId, null, password));
        return sessions.takeDecision().getOutcome();
    }
}
