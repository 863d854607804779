package io.gull.flink.routing;

import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;

import io.gull.flink.auth.EdgeReply;
import io.gull.schemas.avro.Command;
import io.gull.schemas.avro.Publish;
import io.gull.schemas.avro.SessionEvent;
import io.gull.schemas.avro.SessionEventType;

/**
 * The routing half of the sessions job: match (keyed by tenant and topic, wildcard filters as broadcast state),
 * retained messages (keyed by tenant and first topic level) and delivery (keyed by subscriber client id: queue,
 * in-flight window, packet ids). A DAG: nothing flows back to the sessions operator.
 *
 * <pre>
 * publishes ──────────────┬─> [match] ──Match──────────────┐
 * subscriptions: exact ───┘      ^                          │
 *                wildcard ─(broadcast)                       v
 * publishes with RETAIN ──┬─> [retained] ──Match──> [delivery, keyed clientId] ──> EdgeReply
 * retained requests ──────┘      ^                  ^  ^  ^
 *    (first level + or #) ─(broadcast)    presence ─┘  │  └─ commands
 *                                           ACKED acks ┘
 * </pre>
 * Uids and names are stable (state is restored by them): {@code match}, {@code retained}, {@code delivery}, and
 * {@code routing-*} for the stateless steps. Buffer timeouts and parallelism are the job's.
 */
public final class Routing {
    public static final String MATCH_UID = "match";
    public static final String RETAINED_UID = "retained";
    public static final String DELIVERY_UID = "delivery";

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
     * @return the deliveries, each for one edge's inbox
     */
    public static DataStream<EdgeReply> build(DataStream<Publish> publishes,
            DataStream<SubscriptionChange> subscriptions, DataStream<RetainedRequest> retainedRequests,
            DataStream<Presence> presence, DataStream<SessionEvent> acks, DataStream<Command> commands,
            RoutingConfig config) {
        DataStream<Match> live = match(publishes, subscriptions);
        DataStream<Match> retained = retained(publishes, retainedRequests, config);
        return delivery(live.union(retained), presence, acks, commands, config);
    }

    static DataStream<Match> match(DataStream<Publish> publishes, DataStream<SubscriptionChange> subscriptions) {
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
        // SubscriptionKind.SHARED ($share/<group>/<filter>) is not routed yet: shared groups come next.
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

    static DataStream<EdgeReply> delivery(DataStream<Match> matches, DataStream<Presence> presence,
            DataStream<SessionEvent> acks, DataStream<Command> commands, RoutingConfig config) {
        DataStream<DeliveryInput> inputs = matches
                .map(DeliveryInput::ofMatch, DeliveryInput.TYPE)
                .name("routing-matches-input").uid("routing-matches-input")
                .union(
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
