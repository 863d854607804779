package io.gull.flink.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The brute-force rule per client id, as plain logic: times are passed in, nothing sleeps. */
class LockoutTest {
    private static final long T0 = 1_000_000;
    private final Lockout lockout = new Lockout(LockoutConfig.DEFAULTS);

    @Test
    void shouldLetFourFailuresPassAndLockForOneSecondOnTheFifth() {
        // given four failed checks
        AuthFailures failures = null;
        for (int i = 0; i < 4; i++) {
            failures = lockout.failed(failures, T0);
            // then none locks
            assertThat(lockout.refuses(failures, T0)).isFalse();
        }

        // when the fifth fails
        failures = lockout.failed(failures, T0);

        // then the client id is locked for exactly 1 s
        assertThat(failures).isEqualTo(new AuthFailures(5, T0 + 1000));
        assertThat(lockout.refuses(failures, T0 + 999)).isTrue();
        assertThat(lockout.refuses(failures, T0 + 1000)).isFalse();
    }

    @Test
    void shouldDoubleTheLockoutWithEveryFurtherFailureUpToFiveMinutes() {
        // given / when / then: the 5th failure locks 1 s, the 6th 2 s, ... the 13th 256 s, from the 14th on 300 s
        assertThat(lockout.lockoutMillis(4)).isZero();
        assertThat(lockout.lockoutMillis(5)).isEqualTo(1_000);
        assertThat(lockout.lockoutMillis(6)).isEqualTo(2_000);
        assertThat(lockout.lockoutMillis(7)).isEqualTo(4_000);
        assertThat(lockout.lockoutMillis(13)).isEqualTo(256_000);
        assertThat(lockout.lockoutMillis(14)).isEqualTo(300_000);
        assertThat(lockout.lockoutMillis(Integer.MAX_VALUE)).isEqualTo(300_000);
    }

    @Test
    void shouldNeverOverflowForAClientIdTriedForYears() {
        // given a client id that failed a million times, one check per lock-out
        AuthFailures failures = null;
        long now = T0;
        for (int i = 0; i < 1_000_000; i++) {
            failures = lockout.failed(failures, now);
            now = failures.lockedUntil() > 0 ? failures.lockedUntil() : now;
        }

        // then the count saturated and the lock-out is the cap
        assertThat(failures.failures()).isLessThan(100);
        assertThat(failures.lockedUntil() - now).isLessThanOrEqualTo(0);
        assertThat(lockout.failed(failures, now).lockedUntil()).isEqualTo(now + 300_000);
    }

    @Test
    void shouldNeverLockWhenSwitchedOff() {
        // given the lock-out switched off (0 free failures)
        Lockout off = new Lockout(new LockoutConfig(0, Duration.ofSeconds(1), Duration.ofMinutes(5),
                Duration.ofHours(1)));

        // when a client id fails 100 times
        AuthFailures failures = null;
        for (int i = 0; i < 100; i++) {
            failures = off.failed(failures, T0);
        }

        // then it is never refused
        assertThat(off.refuses(failures, T0)).isFalse();
    }

    @Test
    void shouldNotRefuseAClientIdWithoutFailures() {
        assertThat(lockout.refuses(null, T0)).isFalse();
        assertThat(lockout.refuses(AuthFailures.NONE, T0)).isFalse();
    }

    @Test
    void shouldRejectAConfigThatForgetsBeforeTheLongestLockoutEnds() {
        assertThatThrownBy(() -> new LockoutConfig(5, Duration.ofSeconds(1), Duration.ofMinutes(5),
                Duration.ofMinutes(4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("auth.lockout.forget-after-ms");
        assertThatThrownBy(() -> new LockoutConfig(5, Duration.ofSeconds(10), Duration.ofSeconds(1),
                Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("auth.lockout.max-ms");
    }

    @Test
    void shouldLogTheFirstLockoutAndThenAtMostOnceAMinute() {
        // given a log that just wrote a line
        LockoutLog log = new LockoutLog();
        assertThat(log.due(T0)).isTrue();
        log.lockedOut("dev1", 5, 1000, T0);

        // when lock-outs follow within the minute
        log.refused();
        log.lockedOut("dev2", 5, 1000, T0 + 59_999);

        // then no line is due before the minute passed, one is after it
        assertThat(log.due(T0 + 59_999)).isFalse();
        assertThat(log.due(T0 + LockoutLog.INTERVAL_MILLIS)).isTrue();
    }
}
