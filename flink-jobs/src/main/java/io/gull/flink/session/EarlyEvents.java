package io.gull.flink.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;

import io.gull.schemas.avro.SessionEvent;

/**
 * Session events (DISCONNECTED, SUBSCRIBED, UNSUBSCRIBED) of a connection that does not hold the session, kept in
 * keyed state {@code early-events} until that connection's CONNECT is admitted or the hold ends. They come from
 * gull.sessions, the CONNECT from gull.auth.requests, and nothing orders the two topics: after a restore, a
 * connection's replayed SUBSCRIBED can come before its replayed CONNECT, and dropping it would lose the subscription.
 * A late event of a connection that lost the session (a takeover) is held too and never applied: that connection
 * never connects again. At most {@value #MAX_HELD} are held per client id, the oldest dropped first.
 */
final class EarlyEvents {
    static final int MAX_HELD = 64;

    /** One held event, dropped at {@code deadline} (processing time, ms). POJO serializer, fields may be added. */
    public record Held(SessionEvent event, long deadline) {
        public static final TypeInformation<Held> TYPE = Types.POJO(Held.class, Map.of(
                "event", new AvroTypeInfo<>(SessionEvent.class),
                "deadline", Types.LONG));
    }

    private final ListState<Held> state;

    EarlyEvents(ListState<Held> state) {
        this.state = state;
    }

    /** Holds {@code event} until {@code deadline}; returns how many older ones were dropped to stay in bounds. */
    int hold(SessionEvent event, long deadline) throws Exception {
        List<Held> held = load();
        held.add(new Held(event, deadline));
        int dropped = Math.max(0, held.size() - MAX_HELD);
        save(held.subList(dropped, held.size()));
        return dropped;
    }

    /** Takes out the events of {@code connectionId}, in the order they came. */
    List<SessionEvent> takeFor(String connectionId) throws Exception {
        List<Held> held = load();
        if (held.isEmpty()) {
            return List.of();
        }
        List<SessionEvent> taken = new ArrayList<>();
        List<Held> kept = new ArrayList<>();
        for (Held entry : held) {
            if (connectionId.equals(entry.event().getConnectionId())) {
                taken.add(entry.event());
            } else {
                kept.add(entry);
            }
        }
        if (!taken.isEmpty()) {
            save(kept);
        }
        return taken;
    }

    /** Drops the events whose hold ended at or before {@code now}; returns how many. */
    int expire(long now) throws Exception {
        List<Held> held = load();
        List<Held> kept = held.stream().filter(entry -> entry.deadline() > now).toList();
        if (kept.size() != held.size()) {
            save(kept);
        }
        return held.size() - kept.size();
    }

    /** True when a held event's hold ends at {@code at} (its timer is still needed). */
    boolean needsTimer(long at) throws Exception {
        return load().stream().anyMatch(entry -> entry.deadline() == at);
    }

    private List<Held> load() throws Exception {
        return ListStates.copyOf(state);
    }

    private void save(List<Held> held) throws Exception {
        if (held.isEmpty()) {
            state.clear();
        } else {
            state.update(new ArrayList<>(held));
        }
    }
}
