package io.gull.flink.session;

import static io.gull.flink.session.SessionFixtures.T0;
import static io.gull.flink.session.SessionFixtures.disconnected;
import static io.gull.flink.session.SessionFixtures.persistent;
import static io.gull.flink.session.SessionFixtures.will;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.gull.flink.routing.Presence;
import io.gull.schemas.avro.AuthDecision;
import io.gull.schemas.avro.AuthRequest;
import io.gull.schemas.avro.SessionEvent;

/** The session rules as pure functions, without Flink. */
class SessionLifecycleTest {
    private static final Session OFFLINE = new Session("acme", "edge-a", "c1", false, 5, 3600, 20, null,
            Session.NONE, T0 + 3_600_000);

    @Test
    void shouldGrantTheAskedExpiryUpToTheCapAndOnlySayWhenLowered() {
        SessionStep capped = SessionLifecycle.open("dev1", null, persistent("r1", "e", "c", 7200), "acme", T0, 3600);
        SessionStep asked = SessionLifecycle.open("dev1", null, persistent("r1", "e", "c", 60), "acme", T0, 3600);

        assertThat(capped.session().expirySeconds()).isEqualTo(3600);
        assertThat(decision(capped).getSessionExpirySeconds()).isEqualTo(3600L);
        assertThat(asked.session().expirySeconds()).isEqualTo(60);
        assertThat(decision(asked).getSessionExpirySeconds()).isNull();
    }

    @Test
    void shouldTreatAGrantedExpiryOfZeroAsNotPersistent() {
        SessionStep step = SessionLifecycle.open("dev1", null, persistent("r1", "e", "c", 60), "acme", T0, 0);

        assertThat(presence(step)).extracting(Presence::persistent).containsExactly(false);
    }

    @Test
    void shouldPublishAWaitingWillAtOnceWhenACleanStartEndsTheSession() {
        // given an offline session whose will waits for its delay
        Session waiting = new Session("acme", "edge-a", "c1", false, 5, 3600, 20, will("status", 30), T0 + 30_000,
                T0 + 3_600_000);
        AuthRequest cleanStart = AuthRequest.newBuilder(persistent("r2", "edge-b", "c2", 3600)).setCleanStart(true)
                .build();

        // when the client connects with clean start
        SessionStep step = SessionLifecycle.open("dev1", waiting, cleanStart, "acme", T0 + 1_000, Session.NEVER);

        // then the old session ends, and with it the wait
        assertThat(step.effects()).filteredOn(e -> e instanceof Effect.PublishWill).hasSize(1);
        assertThat(step.session().will()).isNull();
    }

    @Test
    void shouldUseTheExpiryADisconnectSetsCappedLikeTheConnects() {
        Session online = new Session("acme", "edge-a", "c1", true, 5, 3600, 20, null, Session.NONE, Session.NONE);
        SessionEvent longer = SessionEvent.newBuilder(disconnected("edge-a", "c1", false))
                .setSessionExpirySeconds(Session.NEVER).build();
        SessionEvent zero = SessionEvent.newBuilder(disconnected("edge-a", "c1", false)).setSessionExpirySeconds(0L)
                .build();

        SessionStep capped = SessionLifecycle.disconnect("dev1", online, longer, T0, 7200);
        SessionStep ended = SessionLifecycle.disconnect("dev1", online, zero, T0, 7200);

        assertThat(capped.session().endsAt()).isEqualTo(T0 + 7_200_000);
        assertThat(ended.session()).isNull();
        assertThat(presence(ended)).extracting(Presence::kind).containsExactly(Presence.Kind.ENDED);
    }

    @Test
    void shouldNeverEndASessionThatNeverExpires() {
        Session online = new Session("acme", "edge-a", "c1", true, 4, Session.NEVER, 20, null, Session.NONE,
                Session.NONE);

        SessionStep step = SessionLifecycle.disconnect("dev1", online, disconnected("edge-a", "c1", false), T0,
                Session.NEVER);

        assertThat(step.session().endsAt()).isEqualTo(Session.NONE);
        assertThat(step.effects()).noneMatch(e -> e instanceof Effect.StartTimer);
    }

    @Test
    void shouldDoNothingOnATimerThatIsNotDue() {
        assertThat(SessionLifecycle.due("dev1", OFFLINE, T0 + 1_000, T0 + 1_000))
                .isEqualTo(new SessionStep(OFFLINE, List.of()));
    }

    private static AuthDecision decision(SessionStep step) {
        return step.effects().stream().filter(e -> e instanceof Effect.Reply r
                && r.reply().message().getBody() instanceof AuthDecision)
                .map(e -> (AuthDecision) ((Effect.Reply) e).reply().message().getBody()).findFirst().orElseThrow();
    }

    private static List<Presence> presence(SessionStep step) {
        return step.effects().stream().filter(e -> e instanceof Effect.Announce)
                .map(e -> ((Effect.Announce) e).presence()).toList();
    }
}
