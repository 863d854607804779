package io.gull.devstack.e2e;

import static io.gull.devstack.e2e.PubSubFixture.edgeA;
import static io.gull.devstack.e2e.PubSubFixture.edgeB;
import static io.gull.devstack.e2e.PubSubFixture.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * The Will Delay Interval (MQTT 5.0 section 3.1.3.2.2): a client whose connection is lost without DISCONNECT gets
 * that long to come back before its will is published; coming back, on any edge, cancels the will.
 */
class DelayedWillsTest {
    private static final Duration WAIT = Duration.ofSeconds(90);
    /** Long enough for a reconnect through the sessions job on a busy machine. */
    private static final long WILL_DELAY_SECONDS = 10;
    /** Longer than the will delay, so the session outlives it. */
    private static final long SESSION_EXPIRY_SECONDS = 120;

    @Test
    void shouldNeverPublishADelayedWillWhenTheClientReconnectsOnTheOtherEdgeWithinTheDelay() throws Exception {
        String prefix = unique("will-delay-back");
        String clientId = unique("flaky-link");
        try (V5Client watcher = Routes.watchOnEdgeB(prefix)) {
            // given an MQTT 5 client on edge A with a will delayed 10 s and a session outliving the delay
            RawV5Client client = connectWithDelayedWill(clientId, prefix + "/status", "lost-for-good");

            // when its connection is cut (no DISCONNECT) and it reconnects on edge B, resuming its session
            client.close();
            try (V5Client back = V5Client.connect(edgeB(), clientId, false, SESSION_EXPIRY_SECONDS)) {
                assertThat(back.sessionPresent()).isTrue();

                // then the will is not published, not even well after the delay has passed
                Duration watched = Duration.ofSeconds(2 * WILL_DELAY_SECONDS + 5);
                await().during(watched).atMost(watched.plus(WAIT))
                        .until(() -> watcher.payloadsOn(prefix + "/status").isEmpty());
            }
        }
    }

    @Test
    void shouldPublishADelayedWillOnceTheDelayHasPassedWithoutAReconnect() throws Exception {
        String prefix = unique("will-delay-gone");
        try (V5Client watcher = Routes.watchOnEdgeB(prefix)) {
            // given an MQTT 5 client on edge A with a will delayed 10 s and a session outliving the delay
            RawV5Client client = connectWithDelayedWill(unique("gone"), prefix + "/status", "lost-for-good");

            // when its connection is cut (no DISCONNECT) and it does not come back
            client.close();

            // then nothing is published while the delay runs (a look at its first part: the will cannot be earlier)
            Duration firstPart = Duration.ofSeconds(WILL_DELAY_SECONDS / 3);
            await().during(firstPart).atMost(firstPart.plus(WAIT))
                    .until(() -> watcher.payloadsOn(prefix + "/status").isEmpty());

            // and the will reaches the subscriber on edge B once the delay has passed, once
            await().atMost(WAIT).until(() -> watcher.payloadsOn(prefix + "/status").contains("lost-for-good"));
            assertThat(watcher.payloadsOn(prefix + "/status")).containsExactly("lost-for-good");
        }
    }

    private static RawV5Client connectWithDelayedWill(String clientId, String willTopic, String payload)
            throws Exception {
        return RawV5Client.connect(edgeA(), new RawV5Client.Options(clientId, true, SESSION_EXPIRY_SECONDS, 0,
                new RawV5Client.Will(willTopic, payload, WILL_DELAY_SECONDS), true));
    }
}
