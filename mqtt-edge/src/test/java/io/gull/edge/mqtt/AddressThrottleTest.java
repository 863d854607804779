package io.gull.edge.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.gull.edge.AddressLimitConfig;

/** The per-source-address limit as plain logic, on a clock the test moves (no sleeps). */
class AddressThrottleTest {
    private static final AddressLimitConfig THREE_PER_MINUTE = new AddressLimitConfig(3, Duration.ofMinutes(1), 1000,
            64);

    private final TestClock clock = new TestClock(1_000_000);
    private final AddressThrottle throttle = new AddressThrottle(THREE_PER_MINUTE, clock);

    @Test
    void shouldRefuseAnAddressOnceItFailedMaxFailuresTimesWithinTheWindow() throws Exception {
        // given an address that failed twice
        InetAddress attacker = InetAddress.getByName("203.0.113.7");
        throttle.failed(attacker);
        throttle.failed(attacker);
        assertThat(throttle.refuses(attacker)).isFalse();

        // when it fails a third time within the minute
        clock.advance(59_000);
        throttle.failed(attacker);

        // then its CONNECTs are refused, and counted
        assertThat(throttle.refuses(attacker)).isTrue();
        assertThat(throttle.refusals()).isEqualTo(1);
    }

    @Test
    void shouldLetTheAddressInAgainWhenItsWindowEnds() throws Exception {
        // given an address refused since its first failure at t
        InetAddress attacker = InetAddress.getByName("203.0.113.7");
        for (int i = 0; i < 3; i++) {
            throttle.failed(attacker);
        }

        // when the window is just not over, then refused; when it is, let in and forgotten
        clock.advance(59_999);
        assertThat(throttle.refuses(attacker)).isTrue();
        clock.advance(1);
        assertThat(throttle.refuses(attacker)).isFalse();
        assertThat(throttle.tracked()).isZero();
    }

    @Test
    void shouldNotCountFailuresSpreadOverMoreThanOneWindow() throws Exception {
        // given an address failing twice a minute, for ten minutes
        InetAddress device = InetAddress.getByName("198.51.100.1");
        for (int i = 0; i < 10; i++) {
            throttle.failed(device);
            throttle.failed(device);
            clock.advance(60_000);
        }

        // then it is never refused
        assertThat(throttle.refuses(device)).isFalse();
    }

    @Test
    void shouldRefuseOnlyTheAddressThatFailed() throws Exception {
        // given
        InetAddress attacker = InetAddress.getByName("203.0.113.7");
        for (int i = 0; i < 3; i++) {
            throttle.failed(attacker);
        }

        // when / then
        assertThat(throttle.refuses(InetAddress.getByName("203.0.113.8"))).isFalse();
        assertThat(throttle.refuses(attacker)).isTrue();
    }

    @Test
    void shouldRememberAtMostMaxTrackedAddressesUnderAnAttackFromManyAddresses() throws Exception {
        // given failures from 100,000 different addresses within one window
        for (int i = 0; i < 100_000; i++) {
            throttle.failed(InetAddress.getByAddress(new byte[] {10, (byte) (i >> 16), (byte) (i >> 8), (byte) i}));
        }

        // then the throttle holds at most 1,000 of them: the newest
        assertThat(throttle.tracked()).isEqualTo(1000);
    }

    @Test
    void shouldDropEndedWindowsAsNewFailuresComeSoIdleAddressesCostNothing() throws Exception {
        // given 500 addresses that failed once, a minute ago
        for (int i = 0; i < 500; i++) {
            throttle.failed(InetAddress.getByAddress(new byte[] {10, 0, (byte) (i >> 8), (byte) i}));
        }
        clock.advance(60_000);

        // when one other address fails
        throttle.failed(InetAddress.getByName("203.0.113.7"));

        // then only that one is remembered
        assertThat(throttle.tracked()).isEqualTo(1);
    }

    @Test
    void shouldCountIpv6AddressesPerSlash64() throws Exception {
        // given three failures from three addresses of one /64
        throttle.failed(InetAddress.getByName("2001:db8:1:2::1"));
        throttle.failed(InetAddress.getByName("2001:db8:1:2:ffff::2"));
        throttle.failed(InetAddress.getByName("2001:db8:1:2:aaaa:bbbb:cccc:dddd"));

        // then the whole /64 is refused, the next /64 is not
        assertThat(throttle.refuses(InetAddress.getByName("2001:db8:1:2::99"))).isTrue();
        assertThat(throttle.refuses(InetAddress.getByName("2001:db8:1:3::1"))).isFalse();
    }

    @Test
    void shouldNeverRefuseWhenSwitchedOff() throws Exception {
        // given the limit switched off
        AddressThrottle off = new AddressThrottle(new AddressLimitConfig(0, Duration.ofMinutes(1), 1000, 64), clock);
        InetAddress attacker = InetAddress.getByName("203.0.113.7");

        // when an address fails a hundred times
        for (int i = 0; i < 100; i++) {
            off.failed(attacker);
        }

        // then it is let through, and nothing is remembered
        assertThat(off.refuses(attacker)).isFalse();
        assertThat(off.tracked()).isZero();
    }
}
