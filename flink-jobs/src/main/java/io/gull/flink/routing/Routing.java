package io.gull.flink.routing;

import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

import io.gull.flink.auth.EdgeReply;
import io.gull.schemas.avro.Command;
import io.gull.schemas.avro.Publish;
import io.gull.schemas.avro.SessionEvent;
import io.gull.schemas.avro.SessionEventType;
import io.gull.schemas.avro.SharedHandoff;

/**
 * The routing half of the sessions job: match (keyed by tenant and topic, wildcard filters as broadcast state),
 * retained messages (keyed by tenant and first topic level), shared groups (keyed by shared subscription: members,
 * one per message) and delivery (keyed by subscriber client id: queue, in-flight window, packet ids). A DAG:
 * nothing flows back to the sessions operator; a shared message a member leaves unacknowledged goes back to its
 * group through Kafka (gull.shared.handoffs), never inside the job.
 *
 * <pre>
 * publishes ──────────────┬─> [match] ──Match───────────────────────────────┐
 * subscriptions: exact ───┘      ^  └──SharedMatch──┐                         │
 *                wildcard ─(broadcast)               v                         v
 * shared members ───────────────────────────> [shared-groups] ──Match──> [delivery, keyed clientId] ──> EdgeReply
 * gull.shared.handoffs ─────────────────────────────^                    ^  ^  ^  ^  └─> SharedHandoff
 * publishes with RETAIN ──┬─> [retained] ──Match─────────────────────────┘  │  │  │     (gull.shared.handoffs)
 * retained requests ──────┘      ^                              presence ───┘  │  └─ commands
 *    (first level + or #) ─(broadcast)                            ACKED acks ──┘
 * </pre>
 * Uids and names are stable (state is restored by them): {@code match}, {@code retained}, {@code shared-groups},
 * {@code delivery}, and {@code routing-*} for the stateless steps. Buffer timeouts and parallelism are the job's.
 */
public final class Routing {
    public static final String MATCH_UID = "match";
    public static final String RETAINED_UID = "retained";
    public static final String DELIVERY_UID = "delivery";
    public static final String SHARED_UID = "shared-groups";

    /**
     * What routing produces.
     *
     * @param deliveries every record for an edge's inbox
     * @param handoffs   shared subscriptions' messages for another member, to write to gull.shared.handoffs
     */
    public record Outputs(DataStream<EdgeReply> deliveries, DataStream<SharedHandoff> handoffs) {
    }

    private Routing() {
    }

    /**
     * Adds the routing operators to the job.
     *
     * @param publishes        every message to route (from gull.ingress), already decoded
     * @param subscriptions    subscription changes from the sessions operator
     * @param retainedRequests retained messages wanted by new subscriptions, from the sessions operator
     * @param presence         where each session is connected, from the sessions operator
     * @param acks             SessionEvents of type ACKED, straight from gull.sessions (others are ignored)
     * @param commands         cloud-to-device commands from gull.commands, already decoded
     * @param sharedMembers    members of shared subscriptions joining, going offline, leaving (sessions operator)
     * @param handoffs         shared messages handed back by members, from gull.shared.handoffs, already decoded
     */
    public static Outputs build(DataStream<Publish> publishes,
            DataStream<SubscriptionChange> subscriptions, DataStream<RetainedRequest> retainedRequests,
            DataStream<Presence> presence, DataStream<SessionEvent> acks, DataStream<Command> commands,
            DataStream<SharedMember> sharedMembers, DataStream<SharedHandoff> handoffs, RoutingConfig config) {
        SingleOutputStreamOperator<Match> live = match(publishes, subscriptions);
        DataStream<Match> shared = shared(live.getSideOutput(MatchFunction.SHARED), sharedMembers, handoffs);
        DataStream<Match> retained = retained(publishes, retainedRequests, config);
        SingleOutputStreamOperator<EdgeReply> deliveries = delivery(live, shared, retained, presence, acks, commands,
                config);
        return new Outputs(deliveries, deliveries.getSideOutput(DeliveryFunction.HANDOFFS));
    }

    static DataStream<Match> shared(DataStream<SharedMatch> matches, DataStream<SharedMember> members,
            DataStream<SharedHandoff> handoffs) {
        return matches
                .map(SharedInput::ofMatch, SharedInput.TYPE).name("routing-shared-matches")
                .uid("routing-shared-matches")
                .union(
                        members.map(SharedInput::ofMember, SharedInput.TYPE).name("routing-shared-members")
                                .uid("routing-shared-members"),
                        handoffs.map(handoff -> SharedInput.ofMatch(SharedHandoffs.toMatch(handoff)), SharedInput.TYPE)
                                .name("routing-shared-handoffs").uid("routing-shared-handoffs"))
                .keyBy(SharedInput::key, Types.STRING)
                .process(new SharedGroupFunction(), Match.TYPE)
                .name(SHARED_UID).uid(SHARED_UID);
    }

    static SingleOutputStreamOperator<Match> match(DataStream<Publish> publishes, DataStream<SubscriptionChange> subscriptions) {
        DataStream<MatchInput> keyed = publishes
                .map(MatchInput::ofPublish, MatchInput.TYPE).name("routing-publishes").uid("routing-publishes")
                .union(subscriptions
                        .filter(change -> kind(change) == SubscriptionKind.EXACT)
                        .name("routing-exact-subscriptions").uid("routing-exact-subscriptions")
                        .map(MatchInput::ofChange, MatchInput.TYPE)
                        .name("routing-exact-subscriptions-input").uid("routing-exact-subscriptions-input"));
        BroadcastStream<SubscriptionChange> wildcards = subscriptions
                .filter(change -> kind(change) == SubscriptionKind.WILDCARD)
                .name("routing-wildcard-subscriptions").uid("routing-wildcard-subscriptions")
                .broadcast(MatchFunction.WILDCARDS);
        return keyed
                .keyBy(MatchInput::key, Types.STRING)
                .connect(wildcards)
                .process(new MatchFunction(), Match.TYPE)
                .name(MATCH_UID).uid(MATCH_UID);
    }

    static DataStream<Match> retained(DataStream<Publish> publishes, DataStream<RetainedRequest> requests,
            RoutingConfig config) {
        DataStream<RetainedInput> keyed = publishes
                .filter(Publish::getRetain).name("routing-retained-publishes").uid("routing-retained-publishes")
                .map(RetainedInput::ofPublish, RetainedInput.TYPE)
                .name("routing-retained-publishes-input").uid("routing-retained-publishes-input")
                .union(requests
                        .filter(request -> !RoutingKeys.spansAllShards(request.subscription().getFilter()))
                        .name("routing-retained-requests-one-shard").uid("routing-retained-requests-one-shard")
                        .map(RetainedInput::ofRequest, RetainedInput.TYPE)
                        .name("routing-retained-requests-input").uid("routing-retained-requests-input"));
        BroadcastStream<RetainedRequest> everyShard = requests
                .filter(request -> RoutingKeys.spansAllShards(request.subscription().getFilter()))
                .name("routing-retained-requests-every-shard").uid("routing-retained-requests-every-shard")
                .broadcast(new MapStateDescriptor<?, ?>[0]); // no broadcast state: it reads the keyed state
        return keyed
                .keyBy(RetainedInput::key, Types.STRING)
                .connect(everyShard)
                .process(new RetainedFunction(config), Match.TYPE)
                .name(RETAINED_UID).uid(RETAINED_UID);
    }

    /**
     * Each input becomes a DeliveryInput in the task that made it (chained), so a match reaches delivery in one
     * network exchange.
     */
    static SingleOutputStreamOperator<EdgeReply> delivery(DataStream<Match> live, DataStream<Match> shared,
            DataStream<Match> retained, DataStream<Presence> presence, DataStream<SessionEvent> acks,
            DataStream<Command> commands, RoutingConfig config) {
        DataStream<DeliveryInput> inputs = live
                .map(DeliveryInput::ofMatch, DeliveryInput.TYPE)
                .name("routing-matches-input").uid("routing-matches-input")
                .union(
                        shared.map(DeliveryInput::ofMatch, DeliveryInput.TYPE)
                                .name("routing-shared-matches-input").uid("routing-shared-matches-input"),
                        retained.map(DeliveryInput::ofMatch, DeliveryInput.TYPE)
                                .name("routing-retained-matches-input").uid("routing-retained-matches-input"),
                        presence.map(DeliveryInput::ofPresence, DeliveryInput.TYPE)
                                .name("routing-presence-input").uid("routing-presence-input"),
                        acks.filter(event -> event.getType() == SessionEventType.ACKED)
                                .name("routing-acks").uid("routing-acks")
                                .map(DeliveryInput::ofAcks, DeliveryInput.TYPE)
                                .name("routing-acks-input").uid("routing-acks-input"),
                        commands.map(DeliveryInput::ofCommand, DeliveryInput.TYPE)
                                .name("routing-commands-input").uid("routing-commands-input"));
        return inputs
                .keyBy(DeliveryInput::clientId, Types.STRING)
                .process(new DeliveryFunction(config), EdgeReply.TYPE)
                .name(DELIVERY_UID).uid(DELIVERY_UID);
    }

    private static SubscriptionKind kind(SubscriptionChange change) {
        return SubscriptionKind.of(change.subscription().getFilter());
    }
}
