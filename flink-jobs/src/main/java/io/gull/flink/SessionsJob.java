package io.gull.flink;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;

import io.gull.flink.auth.EdgeReply;
import io.gull.flink.decode.DeadLetter;
import io.gull.flink.decode.DecodeFunction;
import io.gull.flink.decode.GullDecoders;
import io.gull.flink.kafka.KafkaConnectors;
import io.gull.flink.kafka.RawRecord;
import io.gull.flink.ingress.Resends;
import io.gull.flink.kafka.TopicSetup;
import io.gull.flink.routing.Presence;
import io.gull.flink.routing.RetainedRequest;
import io.gull.flink.routing.Routing;
import io.gull.flink.routing.RoutingConfig;
import io.gull.flink.routing.SharedMember;
import io.gull.flink.routing.SubscriptionChange;
import io.gull.flink.session.AckSplit;
import io.gull.flink.session.EdgeLivenessFunction;
import io.gull.flink.session.LivenessInput;
import io.gull.flink.session.SessionConfig;
import io.gull.flink.session.SessionDecoders;
import io.gull.flink.session.SessionInput;
import io.gull.flink.session.SessionOutputs;
import io.gull.flink.session.SessionsFunction;
import io.gull.schemas.avro.Command;
import io.gull.schemas.avro.Kick;
import io.gull.schemas.avro.Publish;
import io.gull.schemas.avro.SessionEvent;
import io.gull.schemas.avro.SharedHandoff;

/**
 * Sessions and pub/sub (docs/pubsub.md): the device registry and auth decisions, sessions keyed by client id, and the
 * routing operators (match, retained messages, delivery) behind {@link Routing}. Replaces the device-auth job and
 * keeps its uids ({@code devices-source}, {@code auth-requests-source}, {@code decode-device-changes},
 * {@code decode-auth-requests}, {@code device-auth}, {@code edge-inboxes-sink}, {@code deadletter-sink}), so it
 * resumes from a device-auth checkpoint or savepoint with the registry intact. Request/reply latency matters:
 * every network buffer is flushed after each record (buffer timeout {@value #BUFFER_TIMEOUT_MS}: no flusher threads,
 * which at a 1 ms timeout cost 13 % of a core on their own, docs/benchmarks.md).
 *
 * <p>Run: {@code io.gull.flink.SessionsJob [options]}, options as in {@link JobArgs#USAGE}.
 */
public final class SessionsJob implements GullJob {
    public static final String NAME = "gull-sessions";
    static final long BUFFER_TIMEOUT_MS = 0;

    private final Io io;
    private final SessionConfig sessions;
    private final RoutingConfig routing;
    private final RoutingStage routingStage;

    public SessionsJob(Io io, SessionConfig sessions, RoutingConfig routing) {
        this(io, sessions, routing, Routing::build);
    }

    /** With another routing half (tests of the sessions half alone). */
    SessionsJob(Io io, SessionConfig sessions, RoutingConfig routing, RoutingStage routingStage) {
        this.io = io;
        this.sessions = sessions;
        this.routing = routing;
        this.routingStage = routingStage;
    }

    public static void main(String[] args) throws Exception {
        GullJob.run(args, jobArgs -> {
            String kafka = jobArgs.kafkaBootstrap();
            TopicSetup.ensureSessionsTopics(kafka);
            return new SessionsJob(Io.kafka(kafka), jobArgs.sessionConfig(), jobArgs.routingConfig());
        });
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Adds the job's operators to {@code env}. */
    @Override
    public void build(StreamExecutionEnvironment env) {
        env.setBufferTimeout(BUFFER_TIMEOUT_MS);

        SingleOutputStreamOperator<SessionInput> registry = decode(env, io.devices(), "gull.devices", "devices-source",
                new DecodeFunction<>(SessionDecoders::deviceChange), SessionInput.TYPE, "decode-device-changes");
        SingleOutputStreamOperator<SessionInput> authRequests = decode(env, io.authRequests(), "gull.auth.requests",
                "auth-requests-source", new DecodeFunction<>(SessionDecoders::authRequest), SessionInput.TYPE,
                "decode-auth-requests");
        SingleOutputStreamOperator<SessionEvent> sessionEvents = decode(env, io.sessionEvents(), "gull.sessions",
                "sessions-source", new DecodeFunction<>(GullDecoders::sessionEvent),
                new AvroTypeInfo<>(SessionEvent.class), "decode-session-events");
        SingleOutputStreamOperator<Publish> publishes = decode(env, io.ingress(), "gull.ingress", "ingress-source",
                new DecodeFunction<>(GullDecoders::publish), new AvroTypeInfo<>(Publish.class), "decode-publishes");
        SingleOutputStreamOperator<Command> commands = decode(env, io.commands(), "gull.commands", "commands-source",
                new DecodeFunction<>(GullDecoders::command), new AvroTypeInfo<>(Command.class), "decode-commands");

        SingleOutputStreamOperator<SessionInput> lifecycle = sessionEvents
                .process(new AckSplit(), SessionInput.TYPE)
                .name("split-acks")
                .uid("split-acks");

        SingleOutputStreamOperator<EdgeReply> sessionReplies = registry
                .union(authRequests, lifecycle)
                .keyBy(SessionInput::clientId, Types.STRING)
                .process(new SessionsFunction(sessions), EdgeReply.TYPE)
                .name("sessions")
                .uid("device-auth");

        SingleOutputStreamOperator<SharedHandoff> handoffs = decode(env, io.sharedHandoffs(), "gull.shared.handoffs",
                "shared-handoffs-source", new DecodeFunction<>(GullDecoders::sharedHandoff),
                new AvroTypeInfo<>(SharedHandoff.class), "decode-shared-handoffs");

        Routing.Outputs routed = routingStage.build(Resends.dropped(publishes),
                sessionReplies.getSideOutput(SessionOutputs.SUBSCRIPTIONS),
                sessionReplies.getSideOutput(SessionOutputs.RETAINED_REQUESTS),
                sessionReplies.getSideOutput(SessionOutputs.PRESENCE),
                lifecycle.getSideOutput(AckSplit.ACKS),
                commands, sessionReplies.getSideOutput(SessionOutputs.SHARED_MEMBERS), handoffs, routing);
        DataStream<EdgeReply> deliveries = routed.deliveries();
        routed.handoffs()
                .sinkTo(io.sharedHandoffsOut())
                .name("gull.shared.handoffs")
                .uid("shared-handoffs-sink");

        // one sink for every inbox record; its input type (EdgeReply) is the device-auth job's, so its state restores.
        // It must stay one: an edge drops a delivery that comes before its connection's decision, and only one producer
        // keeps a decision ahead of the deliveries behind it (two sinks, one chained to delivery, lost messages).
        sessionReplies.union(deliveries)
                .sinkTo(io.inboxes())
                .name("edge-inboxes")
                .uid("edge-inboxes-sink");

        // edges: a dead edge's connections are closed abruptly, through gull.sessions (a DAG: no loop inside the job)
        SingleOutputStreamOperator<LivenessInput> heartbeats = decode(env, io.edgeHeartbeats(), "gull.edges",
                "edges-source", new DecodeFunction<>(SessionDecoders::edgeHeartbeat), LivenessInput.TYPE,
                "decode-heartbeats");
        DataStream<LivenessInput> presenceByEdge = sessionReplies.getSideOutput(SessionOutputs.PRESENCE)
                .map(LivenessInput::of, LivenessInput.TYPE)
                .name("presence-by-edge")
                .uid("presence-by-edge");
        DataStream<LivenessInput> kicks = sessionReplies
                .flatMap(new KicksByEdge(), LivenessInput.TYPE)
                .name("kicks-by-edge")
                .uid("kicks-by-edge");
        heartbeats.union(presenceByEdge, kicks)
                .keyBy(LivenessInput::edgeId, Types.STRING)
                .process(new EdgeLivenessFunction(sessions), new AvroTypeInfo<>(SessionEvent.class))
                .name("edge-liveness")
                .uid("edge-liveness")
                .sinkTo(io.sessionEventsOut())
                .name("gull.sessions (dead edges)")
                .uid("dead-edges-sink");

        sessionReplies.getSideOutput(SessionOutputs.WILLS)
                .sinkTo(io.wills())
                .name("gull.ingress (wills)")
                .uid("wills-sink");

        registry.getSideOutput(DeadLetter.TAG)
                .union(authRequests.getSideOutput(DeadLetter.TAG), sessionEvents.getSideOutput(DeadLetter.TAG),
                        publishes.getSideOutput(DeadLetter.TAG), commands.getSideOutput(DeadLetter.TAG),
                        heartbeats.getSideOutput(DeadLetter.TAG), handoffs.getSideOutput(DeadLetter.TAG))
                .sinkTo(io.deadLetters())
                .name("gull.deadletter")
                .uid("deadletter-sink");
    }

    private static <T> SingleOutputStreamOperator<T> decode(StreamExecutionEnvironment env,
            Source<RawRecord, ?, ?> source, String topic, String sourceUid, DecodeFunction<T> decoder,
            TypeInformation<T> type, String decodeUid) {
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), topic, RawRecord.TYPE)
                .uid(sourceUid)
                .process(decoder, type)
                .name(decodeUid)
                .uid(decodeUid);
    }

    /**
     * The job's Kafka sources and sinks.
     *
     * @param inboxes every record for an edge's inbox (decisions, kicks, deliveries)
     * @param sharedHandoffs   shared messages handed back by members (gull.shared.handoffs), the job's own loop
     * @param sharedHandoffsOut the same topic, written
     * @param wills            published wills, into gull.ingress
     * @param sessionEventsOut DISCONNECTED events of dead edges' connections, into gull.sessions
     */
    public record Io(Source<RawRecord, ?, ?> devices, Source<RawRecord, ?, ?> authRequests,
            Source<RawRecord, ?, ?> sessionEvents, Source<RawRecord, ?, ?> ingress, Source<RawRecord, ?, ?> commands,
            Source<RawRecord, ?, ?> edgeHeartbeats, Source<RawRecord, ?, ?> sharedHandoffs, Sink<EdgeReply> inboxes,
            Sink<SharedHandoff> sharedHandoffsOut, Sink<Publish> wills, Sink<SessionEvent> sessionEventsOut,
            Sink<DeadLetter> deadLetters) {

        /** Everything from and to the Kafka cluster at {@code bootstrap}, as {@link KafkaConnectors} configures it. */
        public static Io kafka(String bootstrap) {
            return new Io(KafkaConnectors.devices(bootstrap), KafkaConnectors.authRequests(bootstrap),
                    KafkaConnectors.sessionEvents(bootstrap), KafkaConnectors.routedIngress(bootstrap),
                    KafkaConnectors.commands(bootstrap), KafkaConnectors.edgeHeartbeats(bootstrap),
                    KafkaConnectors.sharedHandoffs(bootstrap), KafkaConnectors.edgeReplies(bootstrap),
                    KafkaConnectors.sharedHandoffsOut(bootstrap), KafkaConnectors.wills(bootstrap),
                    KafkaConnectors.sessionEventsOut(bootstrap), KafkaConnectors.deadLetters(bootstrap));
        }
    }

    /** The kicks among the sessions operator's replies, keyed for the edge that held the kicked connection. */
    private static final class KicksByEdge implements FlatMapFunction<EdgeReply, LivenessInput> {
        private static final long serialVersionUID = 1L;

        @Override
        public void flatMap(EdgeReply reply, Collector<LivenessInput> out) {
            if (reply.message().getBody() instanceof Kick kick) {
                out.collect(LivenessInput.kicked(reply.edgeId(), kick));
            }
        }
    }

    /** The routing half, as {@link Routing#build}. */
    @FunctionalInterface
    interface RoutingStage {
        Routing.Outputs build(DataStream<Publish> publishes, DataStream<SubscriptionChange> subscriptions,
                DataStream<RetainedRequest> retainedRequests, DataStream<Presence> presence,
                DataStream<SessionEvent> acks, DataStream<Command> commands, DataStream<SharedMember> sharedMembers,
                DataStream<SharedHandoff> handoffs, RoutingConfig config);
    }
}
