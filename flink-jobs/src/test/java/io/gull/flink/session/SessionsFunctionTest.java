package io.gull.flink.session;

import static io.gull.flink.auth.AuthFixtures.device;
import static io.gull.flink.session.SessionFixtures.T0;
import static io.gull.flink.session.SessionFixtures.connect;
import static io.gull.flink.session.SessionFixtures.disconnected;
import static io.gull.flink.session.SessionFixtures.persistent;
import static io.gull.flink.session.SessionFixtures.subscribed;
import static io.gull.flink.session.SessionFixtures.subscription;
import static io.gull.flink.session.SessionFixtures.unsubscribed;
import static io.gull.flink.session.SessionFixtures.will;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.gull.flink.auth.EdgeReply;
import io.gull.flink.routing.Presence;
import io.gull.flink.routing.SubscriptionChange;
import io.gull.schemas.avro.AuthDecision;
import io.gull.schemas.avro.AuthRequest;
import io.gull.schemas.avro.Kick;
import io.gull.schemas.avro.KickReason;
import io.gull.schemas.avro.Publish;
import io.gull.schemas.avro.SessionEvent;
import io.gull.schemas.avro.Will;

/** Sessions: Session Present, takeover, clean start, disconnect and expiry, wills, subscriptions. */
class SessionsFunctionTest {
    private static final long MAX_EXPIRY = 86_400;
    /** How long events of a connection not admitted yet are held: the max auth request age below. */
    private static final Duration HOLD = Duration.ofSeconds(10);

    private SessionsHarness sessions;

    @BeforeEach
    void open() throws Exception {
        sessions = new SessionsHarness(new SessionConfig(Duration.ofSeconds(1), Duration.ofSeconds(10), MAX_EXPIRY));
        sessions.register(device("dev1", "pw", "acme"));
    }

    @AfterEach
    void close() throws Exception {
        sessions.close();
    }

    @Test
    void shouldOpenANewSessionWithoutSessionPresentAndAnnounceItOnline() throws Exception {
        // when
        sessions.connect(persistent("r1", "edge-a", "c1", 3600));

        // then
        AuthDecision decision = sessions.takeDecision();
        assertThat(decision.getSessionPresent()).isFalse();
        assertThat(decision.getConnectionId()).isEqualTo("c1");
        assertThat(decision.getSessionExpirySeconds()).isNull();
        assertThat(sessions.takePresence()).containsExactly(
                new Presence("dev1", Presence.Kind.ONLINE, "edge-a", "c1", 20, 5, false, true));
        assertThat(sessions.metrics().counted(SessionMetrics.Event.OPENED)).isEqualTo(1);
    }

    @Test
    void shouldResumeAPersistentSessionWithSessionPresentAndItsSubscriptions() throws Exception {
        // given a persistent session with a subscription, disconnected
        sessions.connect(persistent("r1", "edge-a", "c1", 3600));
        sessions.event(subscribed("edge-a", "c1", subscription("a/b", 1, 0)));
        sessions.event(disconnected("edge-a", "c1", false));
        sessions.takeAll();

        // when the client comes back on another edge without clean start
        sessions.connect(persistent("r2", "edge-b", "c2", 3600));

        // then the session is present, nothing is removed from routing, and it is online on edge-b
        assertThat(sessions.takeDecision().getSessionPresent()).isTrue();
        assertThat(sessions.takeSubscriptionChanges()).isEmpty();
        assertThat(sessions.takePresence()).containsExactly(
                new Presence("dev1", Presence.Kind.ONLINE, "edge-b", "c2", 20, 5, true, true));
        assertThat(sessions.metrics().counted(SessionMetrics.Event.RESUMED)).isEqualTo(1);

        // and the subscription is still the session's: unsubscribing on the new connection removes it
        sessions.event(unsubscribed("edge-b", "c2", "a/b"));
        assertThat(sessions.takeSubscriptionChanges()).extracting(SubscriptionChange::added).containsExactly(false);
    }

    @Test
    void shouldDropTheOldSessionOnCleanStart() throws Exception {
        // given a persistent session with two subscriptions, offline
        sessions.connect(persistent("r1", "edge-a", "c1", 3600));
        sessions.event(subscribed("edge-a", "c1", subscription("a/b", 1, 0), subscription("c/#", 0, 0)));
        sessions.event(disconnected("edge-a", "c1", false));
        sessions.takeAll();

        // when the client connects with clean start
        sessions.connect(connect("r2", "edge-a", "c2").setSessionExpirySeconds(3600).build());

        // then no session present, both subscriptions removed from routing, the old session ended before the new one
        assertThat(sessions.takeDecision().getSessionPresent()).isFalse();
        List<SubscriptionChange> changes = sessions.takeSubscriptionChanges();
        assertThat(changes).extracting(c -> c.subscription().getFilter()).containsExactlyInAnyOrder("a/b", "c/#");
        assertThat(changes).allSatisfy(c -> {
            assertThat(c.added()).isFalse();
            assertThat(c.tenant()).isEqualTo("acme");
        });
        assertThat(sessions.takePresence()).extracting(Presence::kind, Presence::resumed)
                .containsExactly(tuple(Presence.Kind.ENDED, false),
                        tuple(Presence.Kind.ONLINE, false));
    }

    @Test
    void shouldKickTheOldConnectionOnTakeoverAndIgnoreItsLaterEvents() throws Exception {
        // given dev1 connected on edge-a
        sessions.connect(persistent("r1", "edge-a", "c1", 3600));
        sessions.takeAll();

        // when it connects again on edge-b
        sessions.connect(persistent("r2", "edge-b", "c2", 3600));

        // then edge-a is told to close c1, and edge-b gets the decision with the session present
        List<EdgeReply> replies = sessions.takeReplies();
        EdgeReply kick = replies.stream().filter(r -> r.message().getBody() instanceof Kick).findFirst().orElseThrow();
        assertThat(kick.edgeId()).isEqualTo("edge-a");
        assertThat((Kick) kick.message().getBody()).isEqualTo(Kick.newBuilder().setClientId("dev1")
                .setConnectionId("c1").setReason(KickReason.TAKEN_OVER).build());
        AuthDecision decision = replies.stream().filter(r -> r.message().getBody() instanceof AuthDecision)
                .map(r -> (AuthDecision) r.message().getBody()).findFirst().orElseThrow();
        assertThat(decision.getSessionPresent()).isTrue();
        assertThat(sessions.metrics().counted(SessionMetrics.Event.TAKEOVER)).isEqualTo(1);
        sessions.takeAll();

        // when the kicked connection's DISCONNECTED and a late SUBSCRIBE of it arrive
        sessions.event(subscribed("edge-a", "c1", subscription("x", 0, 0)));
        sessions.event(disconnected("edge-a", "c1", true));

        // then they change nothing (held in case c1 connects, which it never does), and are counted once dropped
        assertThat(sessions.takePresence()).isEmpty();
        assertThat(sessions.takeSubscriptionChanges()).isEmpty();
        sessions.at(sessions.now() + HOLD.toMillis());
        assertThat(sessions.takePresence()).isEmpty();
        assertThat(sessions.takeSubscriptionChanges()).isEmpty();
        assertThat(sessions.metrics().counted(SessionMetrics.Event.IGNORED_EVENT)).isEqualTo(2);
    }

    @Test
    void shouldEndASessionWithExpiryZeroOnDisconnect() throws Exception {
        // given a clean session with a subscription
        sessions.connect(connect("r1", "edge-a", "c1").build());
        sessions.event(subscribed("edge-a", "c1", subscription("a/b", 1, 0)));
        sessions.takeAll();

        // when it disconnects
        sessions.event(disconnected("edge-a", "c1", false));

        // then the session ends: subscription removed, ENDED, nothing left
        assertThat(sessions.takeSubscriptionChanges()).extracting(SubscriptionChange::added).containsExactly(false);
        assertThat(sessions.takePresence()).extracting(Presence::kind).containsExactly(Presence.Kind.ENDED);
        assertThat(sessions.timers()).isZero();

        // and a reconnect without clean start finds no session
        sessions.connect(persistent("r2", "edge-a", "c2", 60));
        assertThat(sessions.takeDecision().getSessionPresent()).isFalse();
    }

    @Test
    void shouldEndAnOfflineSessionWhenItsExpiryHasPassed() throws Exception {
        // given a session with a 60 s expiry and a subscription, disconnected at T0
        sessions.connect(persistent("r1", "edge-a", "c1", 60));
        sessions.event(subscribed("edge-a", "c1", subscription("a/b", 1, 0)));
        sessions.event(disconnected("edge-a", "c1", false));
        assertThat(sessions.takePresence()).extracting(Presence::kind, Presence::persistent).containsExactly(
                tuple(Presence.Kind.ONLINE, true),
                tuple(Presence.Kind.OFFLINE, true));
        sessions.takeAll();

        // when 59.999 s pass, nothing happens
        sessions.at(T0 + 59_999);
        assertThat(sessions.takePresence()).isEmpty();

        // when 60 s have passed
        sessions.at(T0 + 60_000);

        // then the session ends and its subscriptions leave routing
        assertThat(sessions.takePresence()).extracting(Presence::kind).containsExactly(Presence.Kind.ENDED);
        assertThat(sessions.takeSubscriptionChanges()).extracting(c -> c.subscription().getFilter(),
                SubscriptionChange::added).containsExactly(tuple("a/b", false));
        assertThat(sessions.metrics().counted(SessionMetrics.Event.ENDED)).isEqualTo(1);
        sessions.connect(persistent("r2", "edge-a", "c2", 60));
        assertThat(sessions.takeDecision().getSessionPresent()).isFalse();
    }

    @Test
    void shouldCancelTheExpiryWhenTheClientComesBack() throws Exception {
        // given an offline session that would end at T0 + 60 s
        sessions.connect(persistent("r1", "edge-a", "c1", 60));
        sessions.event(disconnected("edge-a", "c1", false));
        sessions.at(T0 + 30_000);

        // when the client reconnects before
        sessions.connect(persistent("r2", "edge-a", "c2", 60));
        sessions.takeAll();

        // then the session does not end at T0 + 60 s
        assertThat(sessions.timers()).isZero();
        sessions.at(T0 + 61_000);
        assertThat(sessions.takePresence()).isEmpty();
    }

    @Test
    void shouldCapTheExpiryAndSayWhatWasGranted() throws Exception {
        // when a client asks for a session that never expires, above --session.max-expiry-s
        sessions.connect(persistent("r1", "edge-a", "c1", Session.NEVER));

        // then it gets the cap, and the decision says so
        assertThat(sessions.takeDecision().getSessionExpirySeconds()).isEqualTo(MAX_EXPIRY);

        // and the session ends after the cap once offline
        sessions.event(disconnected("edge-a", "c1", false));
        sessions.takeAll();
        sessions.at(T0 + MAX_EXPIRY * 1000);
        assertThat(sessions.takePresence()).extracting(Presence::kind).containsExactly(Presence.Kind.ENDED);
    }

    @Test
    void shouldPublishTheWillAfterAnAbruptClose() throws Exception {
        // given a connection with a will
        sessions.connect(connect("r1", "edge-a", "c1").setWill(will("devices/dev1/status", 0)).build());
        sessions.takeAll();
        sessions.at(T0 + 7);

        // when the edge reports an abrupt close
        sessions.event(disconnected("edge-a", "c1", true));

        // then the will is published at once as a message of dev1
        Publish will = single(sessions.takeWills());
        assertThat(will.getMessageId()).isEqualTo("c1/will");
        assertThat(will.getClientId()).isEqualTo("dev1");
        assertThat(will.getTenant()).isEqualTo("acme");
        assertThat(will.getEdgeId()).isEqualTo("edge-a");
        assertThat(will.getConnectionId()).isEqualTo("c1");
        assertThat(will.getTopic()).isEqualTo("devices/dev1/status");
        assertThat(StandardCharsets.UTF_8.decode(will.getPayload()).toString()).isEqualTo("gone");
        assertThat(will.getQos()).isEqualTo(1);
        assertThat(will.getRetain()).isTrue();
        assertThat(will.getWill()).isTrue();
        assertThat(will.getProperties()).containsEntry("mqtt.contentType", "text/plain");
        assertThat(will.getReceivedAt()).isEqualTo(Instant.ofEpochMilli(T0 + 7));
        assertThat(sessions.metrics().counted(SessionMetrics.Event.WILL_PUBLISHED)).isEqualTo(1);
    }

    @Test
    void shouldNotPublishTheWillAfterANormalDisconnect() throws Exception {
        sessions.connect(connect("r2", "edge-a", "c2").setWill(will("status", 5)).build());
        sessions.takeAll();

        sessions.event(disconnected("edge-a", "c2", false));
        sessions.at(T0 + 3_600_000);

        assertThat(sessions.takeWills()).isEmpty();
    }

    @Test
    void shouldPublishADelayedWillWhenTheDelayHasPassed() throws Exception {
        // given a persistent session whose will has a 10 s delay, closed abruptly at T0
        sessions.connect(AuthRequestsWithWill.of(persistent("r2", "edge-a", "c2", 3600), will("status", 10)));
        sessions.takeAll();
        sessions.event(disconnected("edge-a", "c2", true));
        assertThat(sessions.takeWills()).isEmpty();

        // when 10 s pass
        sessions.at(T0 + 10_000);

        // then it is published, once
        assertThat(single(sessions.takeWills()).getReceivedAt()).isEqualTo(Instant.ofEpochMilli(T0 + 10_000));
        sessions.at(T0 + 20_000);
        assertThat(sessions.takeWills()).isEmpty();
    }

    @Test
    void shouldNotPublishADelayedWillWhenTheClientReconnectsWithinTheDelay() throws Exception {
        // given a will with a 10 s delay, the connection closed abruptly
        sessions.connect(AuthRequestsWithWill.of(persistent("r1", "edge-a", "c1", 3600), will("status", 10)));
        sessions.event(disconnected("edge-a", "c1", true));
        sessions.at(T0 + 5_000);

        // when the client resumes its session within the delay
        sessions.connect(persistent("r2", "edge-b", "c2", 3600));

        // then the will is never published
        sessions.at(T0 + 60_000);
        assertThat(sessions.takeWills()).isEmpty();
        assertThat(sessions.timers()).isZero();
    }

    @Test
    void shouldPublishTheWillWhenTheSessionEndsBeforeTheWillDelay() throws Exception {
        // given a will delay of 100 s but a session that lives 5 s
        sessions.connect(AuthRequestsWithWill.of(persistent("r1", "edge-a", "c1", 5), will("status", 100)));
        sessions.event(disconnected("edge-a", "c1", true));

        // when the session ends
        sessions.at(T0 + 5_000);

        // then the will goes with it
        assertThat(sessions.takeWills()).hasSize(1);
        assertThat(sessions.takePresence()).extracting(Presence::kind).contains(Presence.Kind.ENDED);
    }

    @Test
    void shouldPublishTheOldConnectionsWillOnTakeoverUnlessTheSessionIsResumedWithAWillDelay() throws Exception {
        // given c1 with a will without delay; c2 takes over
        sessions.connect(AuthRequestsWithWill.of(persistent("r1", "edge-a", "c1", 3600), will("status", 0)));
        sessions.connect(AuthRequestsWithWill.of(persistent("r2", "edge-b", "c2", 3600), will("status", 30)));

        // then c1's will is published
        assertThat(single(sessions.takeWills()).getMessageId()).isEqualTo("c1/will");

        // when c3 resumes the session, c2's will having a delay
        sessions.connect(persistent("r3", "edge-a", "c3", 3600));

        // then c2's will is not published (a new connection came within its delay)
        sessions.at(T0 + 120_000);
        assertThat(sessions.takeWills()).isEmpty();
    }

    @Test
    void shouldAskForRetainedMessagesPerRetainHandlingAndNeverForSharedSubscriptions() throws Exception {
        // given
        sessions.connect(persistent("r1", "edge-a", "c1", 3600));
        sessions.takeAll();

        // when subscribing: handling 0, handling 1 (new), handling 2, shared
        sessions.event(subscribed("edge-a", "c1", subscription("a", 1, 0), subscription("b", 1, 1),
                subscription("c", 1, 2), subscription("$share/g/d", 1, 0)));

        // then all four reach routing, and retained messages are asked for a and b only
        assertThat(sessions.takeSubscriptionChanges()).extracting(c -> c.subscription().getFilter(),
                SubscriptionChange::added, SubscriptionChange::tenant).containsExactly(
                        tuple("a", true, "acme"),
                        tuple("b", true, "acme"),
                        tuple("c", true, "acme"),
                        tuple("$share/g/d", true, "acme"));
        assertThat(sessions.takeRetainedRequests()).extracting(r -> r.subscription().getFilter())
                .containsExactly("a", "b");

        // when subscribing to a and b again
        sessions.event(subscribed("edge-a", "c1", subscription("a", 2, 0), subscription("b", 2, 1)));

        // then the subscriptions are replaced, and only a (handling 0) asks again
        assertThat(sessions.takeSubscriptionChanges()).extracting(c -> c.subscription().getQos()).containsExactly(2, 2);
        assertThat(sessions.takeRetainedRequests()).extracting(r -> r.subscription().getFilter()).containsExactly("a");
    }

    @Test
    void shouldRemoveOnlySubscriptionsTheSessionHas() throws Exception {
        sessions.connect(persistent("r1", "edge-a", "c1", 3600));
        sessions.event(subscribed("edge-a", "c1", subscription("a", 1, 0)));
        sessions.takeAll();

        sessions.event(unsubscribed("edge-a", "c1", "a", "never-subscribed"));

        assertThat(sessions.takeSubscriptionChanges()).extracting(c -> c.subscription().getFilter(),
                SubscriptionChange::added).containsExactly(tuple("a", false));
    }

    @Test
    void shouldIgnoreEventsOfAConnectionTheJobNeverAdmitted() throws Exception {
        sessions.connect(persistent("r1", "edge-a", "c1", 3600));
        sessions.takeAll();

        SessionEvent stranger = subscribed("edge-x", "c-unknown", subscription("a", 1, 0));
        sessions.event(stranger);
        sessions.at(sessions.now() + HOLD.toMillis());

        assertThat(sessions.takeSubscriptionChanges()).isEmpty();
        assertThat(sessions.metrics().counted(SessionMetrics.Event.IGNORED_EVENT)).isEqualTo(1);
    }

    @Test
    void shouldApplyEventsThatCameBeforeTheirConnectionsConnectOnceItIsAdmitted() throws Exception {
        // given dev1 online on c1, and (as in a replay after a restore) c2's SUBSCRIBE read before c2's CONNECT
        sessions.connect(persistent("r1", "edge-a", "c1", 3600));
        sessions.takeAll();
        sessions.event(subscribed("edge-b", "c2", subscription("a/#", 1, 0)));
        assertThat(sessions.takeSubscriptionChanges()).isEmpty();

        // when c2's CONNECT comes, within the hold
        sessions.at(sessions.now() + HOLD.toMillis() - 1);
        sessions.connect(persistent("r2", "edge-b", "c2", 3600));

        // then the session moves to c2 and has the subscription
        assertThat(sessions.takeSubscriptionChanges()).extracting(c -> c.subscription().getFilter(),
                SubscriptionChange::added).containsExactly(tuple("a/#", true));
        assertThat(sessions.metrics().counted(SessionMetrics.Event.HELD_EVENT)).isEqualTo(1);
        assertThat(sessions.metrics().counted(SessionMetrics.Event.IGNORED_EVENT)).isZero();
    }

    @Test
    void shouldDropAHeldEventWhenItsConnectionDoesNotConnectWithinTheHold() throws Exception {
        // given c2's SUBSCRIBE, held
        sessions.connect(persistent("r1", "edge-a", "c1", 3600));
        sessions.takeAll();
        sessions.event(subscribed("edge-b", "c2", subscription("a/#", 1, 0)));

        // when the hold ends before c2's CONNECT comes
        sessions.at(sessions.now() + HOLD.toMillis());
        sessions.connect(persistent("r2", "edge-b", "c2", 3600));

        // then the late CONNECT opens the session without it
        assertThat(sessions.takeSubscriptionChanges()).isEmpty();
        assertThat(sessions.metrics().counted(SessionMetrics.Event.IGNORED_EVENT)).isEqualTo(1);
    }

    @Test
    void shouldIgnoreAtOnceTheEventsOfTheSessionsOwnConnectionAfterItClosed() throws Exception {
        sessions.connect(persistent("r1", "edge-a", "c1", 3600));
        sessions.event(disconnected("edge-a", "c1", false));
        sessions.takeAll();

        sessions.event(subscribed("edge-a", "c1", subscription("a", 1, 0)));

        assertThat(sessions.takeSubscriptionChanges()).isEmpty();
        assertThat(sessions.metrics().counted(SessionMetrics.Event.IGNORED_EVENT)).isEqualTo(1);
        assertThat(sessions.metrics().counted(SessionMetrics.Event.HELD_EVENT)).isZero();
    }

    @Test
    void shouldNotResumeASessionOfAnotherTenant() throws Exception {
        // given an anonymous client held the client id dev2 before dev2 was registered (or read in)
        sessions.connect(AuthRequest.newBuilder(persistent("r1", "edge-a", "c1", 3600))
                .setClientId("dev2").setAnonymous(true).setPassword(null).build());
        sessions.takeAll();
        sessions.register(device("dev2", "pw", "acme"));

        // when the device connects without clean start
        sessions.connect(AuthRequest.newBuilder(persistent("r2", "edge-b", "c2", 3600)).setClientId("dev2").build());

        // then it takes the client id over with a fresh session of its own tenant
        List<EdgeReply> replies = sessions.takeReplies();
        assertThat(replies).filteredOn(r -> r.message().getBody() instanceof Kick).hasSize(1);
        assertThat(replies).filteredOn(r -> r.message().getBody() instanceof AuthDecision)
                .extracting(r -> ((AuthDecision) r.message().getBody()).getSessionPresent()).containsExactly(false);
        assertThat(sessions.takePresence()).extracting(Presence::kind)
                .containsExactly(Presence.Kind.ENDED, Presence.Kind.ONLINE);
    }

    private static <T> T single(List<T> values) {
        assertThat(values).hasSize(1);
        return values.get(0);
    }

    /** A request with a will. */
    private static final class AuthRequestsWithWill {
        static AuthRequest of(AuthRequest request,
                Will will) {
            return AuthRequest.newBuilder(request).setWill(will).build();
        }
    }
}
