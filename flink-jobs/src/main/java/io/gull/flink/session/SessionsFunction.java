package io.gull.flink.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import io.gull.flink.auth.AuthTypes;
import io.gull.flink.auth.CredentialCheck;
import io.gull.flink.auth.DeviceChange;
import io.gull.flink.auth.EdgeReply;
import io.gull.flink.auth.LockoutLog;
import io.gull.flink.auth.PendingAuth;
import io.gull.flink.auth.RequestAge;
import io.gull.flink.routing.Presence;
import io.gull.flink.routing.SharedMember;
import io.gull.flink.routing.SubscriptionChange;
import io.gull.flink.routing.SubscriptionKind;
import io.gull.schemas.avro.AuthOutcome;
import io.gull.schemas.avro.AuthRequest;
import io.gull.schemas.avro.DeviceRecord;
import io.gull.schemas.avro.SessionEvent;
import io.gull.schemas.avro.Subscription;

/**
 * The sessions operator (uid {@code device-auth}), keyed by client id: the device registry, auth decisions and the
 * sessions they open. Main output: inbox replies (decisions, kicks); side outputs in {@link SessionOutputs}.
 * <ul>
 *   <li>Registry (gull.devices): as the device-auth job; a tombstone deletes the device.</li>
 *   <li>Auth requests: dropped unanswered when stale ({@link RequestAge}, by the broker's append time); refused
 *       RATE_LIMITED without a password check while the client id is locked out after failed checks
 *       ({@link LockoutGate}); judged by {@link Admission}; a request of an unknown device waits up to the grace period for its registration, then is
 *       answered UNKNOWN_DEVICE; an allowed one opens or resumes the session ({@link SessionLifecycle#open}).</li>
 *   <li>Session events of the owning connection: DISCONNECTED ({@link SessionLifecycle#disconnect}), SUBSCRIBED and
 *       UNSUBSCRIBED ({@link SubscriptionBook}). Those of the session's own connection once it closed are ignored
 *       and counted; those of any other connection are held ({@link EarlyEvents}) until its CONNECT is admitted,
 *       for at most the max auth request age, then ignored and counted. CONNECTED and ACKED change nothing here
 *       (acks go to the delivery operator).</li>
 *   <li>Timers: waiting requests' deadlines, held events' ends, wills with a delay, ends of offline sessions
 *       ({@link SessionLifecycle#due}).</li>
 * </ul>
 * State: {@code device} and {@code pending-auth} as the device-auth job had them (so its checkpoints restore), plus
 * {@code session} ({@link Session}), {@code subscriptions} (filter -> Subscription), {@code early-events} and
 * {@code auth-failures} ({@link LockoutGate}, with a TTL).
 */
public final class SessionsFunction extends KeyedProcessFunction<String, SessionInput, EdgeReply> {
    private static final long serialVersionUID = 1L;

    private final SessionConfig config;
    private final RequestAge requestAge;
    private transient ValueState<DeviceRecord> device;
    private transient ListState<PendingAuth> pending;
    private transient ValueState<Session> session;
    private transient MapState<String, Subscription> subscriptions;
    private transient EarlyEvents earlyEvents;
    private transient SessionMetrics metrics;
    private transient LockoutGate lockout;

    public SessionsFunction(SessionConfig config) {
        this.config = config;
        this.requestAge = new RequestAge(config.maxAuthRequestAge());
    }

    @Override
    public void open(OpenContext openContext) {
        device = getRuntimeContext().getState(new ValueStateDescriptor<>("device", AuthTypes.DEVICE_RECORD));
        pending = getRuntimeContext().getListState(new ListStateDescriptor<>("pending-auth", PendingAuth.TYPE));
        session = getRuntimeContext().getState(new ValueStateDescriptor<>("session", Session.TYPE));
        subscriptions = getRuntimeContext().getMapState(new MapStateDescriptor<>("subscriptions", Types.STRING,
                new AvroTypeInfo<>(Subscription.class)));
        earlyEvents = new EarlyEvents(getRuntimeContext().getListState(
                new ListStateDescriptor<>("early-events", EarlyEvents.Held.TYPE)));
        metrics = new SessionMetrics(getRuntimeContext().getMetricGroup());
        lockout = new LockoutGate(getRuntimeContext().getState(LockoutGate.descriptor(config.lockout())),
                config.lockout(), new LockoutLog(), metrics);
    }

    /** The operator's counters (for tests). */
    public SessionMetrics metrics() {
        return metrics;
    }

    @Override
    public void processElement(SessionInput input, Context ctx, Collector<EdgeReply> out) throws Exception {
        if (input.deviceChange() != null) {
            onDeviceChange(input.deviceChange(), ctx, out);
        } else if (input.authRequest() != null) {
            onAuthRequest(input.authRequest(), input.appendedAt(), ctx, out);
        } else if (input.event() != null) {
            onSessionEvent(input.event(), ctx, out);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<EdgeReply> out) throws Exception {
        long now = ctx.timerService().currentProcessingTime();
        List<PendingAuth> stillWaiting = new ArrayList<>();
        List<PendingAuth> waiting = pendingList();
        for (PendingAuth request : waiting) {
            if (request.deadline() <= timestamp) {
                if (!dropIfStale(request.appendedAt(), now)) {
                    reply(CredentialCheck.unknownDevice(request.request(), Instant.ofEpochMilli(now)), out);
                }
            } else {
                stillWaiting.add(request);
            }
        }
        if (stillWaiting.size() != waiting.size()) {
            if (stillWaiting.isEmpty()) {
                pending.clear();
            } else {
                pending.update(stillWaiting);
            }
        }
        metrics.count(SessionMetrics.Event.IGNORED_EVENT, earlyEvents.expire(timestamp));
        Session current = session.value();
        if (current != null) {
            apply(SessionLifecycle.due(ctx.getCurrentKey(), current, timestamp, now), ctx, out);
        }
    }

    private void onDeviceChange(DeviceChange change, Context ctx, Collector<EdgeReply> out) throws Exception {
        if (change.isDeletion()) {
            device.clear();
            return;
        }
        device.update(change.device());
        List<PendingAuth> waiting = pendingList();
        if (waiting.isEmpty()) {
            return;
        }
        pending.clear();
        long now = ctx.timerService().currentProcessingTime();
        for (PendingAuth request : waiting) {
            cancelTimer(request.deadline(), session.value(), ctx);
            if (!dropIfStale(request.appendedAt(), now) && !refusedLockedOut(request.request(), now, out)) {
                decide(Admission.judge(change.device(), request.request()), request.request(), now, ctx, out);
            }
        }
    }

    private void onAuthRequest(AuthRequest request, long appendedAt, Context ctx, Collector<EdgeReply> out)
            throws Exception {
        long now = ctx.timerService().currentProcessingTime();
        if (dropIfStale(appendedAt, now) || refusedLockedOut(request, now, out)) {
            return;
        }
        Admission.Verdict verdict = Admission.judge(device.value(), request);
        if (!verdict.unknownDevice()) {
            decide(verdict, request, now, ctx, out);
        } else if (config.unknownDeviceGrace().isZero()) {
            reply(CredentialCheck.unknownDevice(request, Instant.ofEpochMilli(now)), out);
        } else {
            long deadline = now + config.unknownDeviceGrace().toMillis();
            pending.add(new PendingAuth(request, deadline, appendedAt));
            ctx.timerService().registerProcessingTimeTimer(deadline);
        }
    }

    /** Refuses {@code request} unchecked while its client id is locked out; true if it did. */
    private boolean refusedLockedOut(AuthRequest request, long now, Collector<EdgeReply> out) throws Exception {
        if (!lockout.refuses(request, now)) {
            return false;
        }
        reply(CredentialCheck.refused(request, AuthOutcome.RATE_LIMITED, Instant.ofEpochMilli(now)), out);
        return true;
    }

    private void decide(Admission.Verdict verdict, AuthRequest request, long now, Context ctx,
            Collector<EdgeReply> out) throws Exception {
        lockout.checked(request, verdict.outcome(), now);
        if (verdict.allowed()) {
            apply(SessionLifecycle.open(request.getClientId(), session.value(), request, verdict.tenant(), now,
                    config.maxExpirySeconds()), ctx, out);
            for (SessionEvent early : earlyEvents.takeFor(SessionLifecycle.connectionOf(request))) {
                onSessionEvent(early, ctx, out);
            }
        } else {
            reply(CredentialCheck.refused(request, verdict.outcome(), Instant.ofEpochMilli(now)), out);
        }
    }

    private void onSessionEvent(SessionEvent event, Context ctx, Collector<EdgeReply> out) throws Exception {
        switch (event.getType()) {
            case DISCONNECTED, SUBSCRIBED, UNSUBSCRIBED -> {
                Session current = session.value();
                if (current == null || !current.ownedBy(event.getConnectionId())) {
                    holdOrIgnore(event, current, ctx);
                    return;
                }
                switch (event.getType()) {
                    case DISCONNECTED -> apply(SessionLifecycle.disconnect(event.getClientId(), current, event,
                            ctx.timerService().currentProcessingTime(), config.maxExpirySeconds()), ctx, out);
                    case SUBSCRIBED -> applySubscriptions(SubscriptionBook.subscribe(current.tenant(),
                            event.getClientId(), event.getSubscriptions(), this::subscribed), ctx);
                    default -> applySubscriptions(SubscriptionBook.unsubscribe(current.tenant(), event.getClientId(),
                            event.getTopicFilters(), this::subscription), ctx);
                }
            }
            default -> {
                // CONNECTED: the session was opened by the decision; ACKED: for the delivery operator
            }
        }
    }

    /** An event of a connection that does not hold the session: ignored if it held it last, else held. */
    private void holdOrIgnore(SessionEvent event, Session current, Context ctx) throws Exception {
        String connection = event.getConnectionId();
        if (connection == null || current != null && connection.equals(current.connectionId())) {
            metrics.count(SessionMetrics.Event.IGNORED_EVENT);
            return;
        }
        long deadline = ctx.timerService().currentProcessingTime() + config.maxAuthRequestAge().toMillis();
        metrics.count(SessionMetrics.Event.IGNORED_EVENT, earlyEvents.hold(event, deadline));
        metrics.count(SessionMetrics.Event.HELD_EVENT);
        ctx.timerService().registerProcessingTimeTimer(deadline);
    }

    private void applySubscriptions(SubscriptionBook.Changes changes, Context ctx) throws Exception {
        subscriptions.putAll(changes.put());
        for (String filter : changes.removed()) {
            subscriptions.remove(filter);
        }
        for (SubscriptionChange change : changes.changes()) {
            ctx.output(SessionOutputs.SUBSCRIPTIONS, change);
            announceMember(change.tenant(), change.subscription(),
                    change.added() ? SharedMember.Status.ONLINE : SharedMember.Status.LEFT, ctx);
        }
        changes.retainedRequests().forEach(request -> ctx.output(SessionOutputs.RETAINED_REQUESTS, request));
    }

    private void apply(SessionStep step, Context ctx, Collector<EdgeReply> out) throws Exception {
        for (Effect effect : step.effects()) {
            if (effect instanceof Effect.Reply r) {
                reply(r.reply(), out);
            } else if (effect instanceof Effect.Announce a) {
                ctx.output(SessionOutputs.PRESENCE, a.presence());
                announceMembers(a.presence(), step.session(), ctx);
            } else if (effect instanceof Effect.DropSubscriptions d) {
                dropSubscriptions(d.tenant(), ctx);
            } else if (effect instanceof Effect.PublishWill w) {
                ctx.output(SessionOutputs.WILLS, w.will());
                metrics.count(SessionMetrics.Event.WILL_PUBLISHED);
            } else if (effect instanceof Effect.StartTimer t) {
                ctx.timerService().registerProcessingTimeTimer(t.at());
            } else if (effect instanceof Effect.Count c) {
                metrics.count(c.metric());
            }
        }
        Session before = session.value();
        Session after = step.session();
        if (before != null) {
            // timers of the old state that the new one does not need (a reconnect cancels will and expiry)
            for (long at : new long[] {before.willAt(), before.endsAt()}) {
                if (at != Session.NONE) {
                    cancelTimer(at, after, ctx);
                }
            }
        }
        if (after == null) {
            session.clear();
        } else {
            session.update(after);
        }
    }

    private void dropSubscriptions(String tenant, Context ctx) throws Exception {
        String clientId = ctx.getCurrentKey();
        for (Subscription subscription : subscriptions.values()) {
            ctx.output(SessionOutputs.SUBSCRIPTIONS, new SubscriptionChange(tenant, clientId, subscription, false));
            announceMember(tenant, subscription, SharedMember.Status.LEFT, ctx);
        }
        subscriptions.clear();
    }

    /** A session that comes online or goes offline does so in each of its shared subscriptions. */
    private void announceMembers(Presence presence, Session session, Context ctx) throws Exception {
        if (session == null || presence.kind() == Presence.Kind.ENDED) {
            return; // an ended session leaves its shared subscriptions as they are dropped
        }
        SharedMember.Status status = presence.kind() == Presence.Kind.ONLINE
                ? SharedMember.Status.ONLINE : SharedMember.Status.OFFLINE;
        for (Subscription subscription : subscriptions.values()) {
            announceMember(session.tenant(), subscription, status, ctx);
        }
    }

    private static void announceMember(String tenant, Subscription subscription, SharedMember.Status status,
            Context ctx) {
        if (SubscriptionKind.isShared(subscription.getFilter())) {
            ctx.output(SessionOutputs.SHARED_MEMBERS,
                    new SharedMember(tenant, ctx.getCurrentKey(), subscription, status));
        }
    }

    private boolean subscribed(String filter) {
        try {
            return subscriptions.contains(filter);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read subscriptions", e);
        }
    }

    private Subscription subscription(String filter) {
        try {
            return subscriptions.get(filter);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read subscriptions", e);
        }
    }

    /**
     * Deletes the timer at {@code at} unless a waiting request or the session state {@code keep} still needs it
     * (timers are per key and time, so one timer may serve several purposes).
     */
    private void cancelTimer(long at, Session keep, Context ctx) throws Exception {
        for (PendingAuth request : pendingList()) {
            if (request.deadline() == at) {
                return;
            }
        }
        if (keep != null && (keep.willAt() == at || keep.endsAt() == at) || earlyEvents.needsTimer(at)) {
            return;
        }
        ctx.timerService().deleteProcessingTimeTimer(at);
    }

    /** Drops (and counts, never logs: there can be thousands after an outage) a request the edge gave up on. */
    private boolean dropIfStale(long appendedAt, long now) {
        if (requestAge.isStale(appendedAt, now)) {
            metrics.staleRequest();
            return true;
        }
        return false;
    }

    private void reply(EdgeReply reply, Collector<EdgeReply> out) {
        metrics.replied(reply);
        out.collect(reply);
    }

    private List<PendingAuth> pendingList() throws Exception {
        return ListStates.copyOf(pending);
    }
}
