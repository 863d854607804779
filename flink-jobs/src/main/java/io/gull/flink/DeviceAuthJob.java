package io.gull.flink;

import java.time.Duration;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import io.gull.flink.auth.AuthTypes;
import io.gull.flink.auth.DeviceAuthFunction;
import io.gull.flink.auth.DeviceChange;
import io.gull.flink.auth.EdgeReply;
import io.gull.flink.decode.DeadLetter;
import io.gull.flink.decode.DecodeFunction;
import io.gull.flink.decode.GullDecoders;
import io.gull.flink.kafka.KafkaConnectors;
import io.gull.flink.kafka.RawRecord;
import io.gull.flink.kafka.TopicSetup;
import io.gull.schemas.avro.AuthRequest;

/**
 * Device authentication: the registry from gull.devices (keyed state), answers to gull.auth.requests into each
 * edge's inbox. Request/reply latency matters, so network buffers are flushed after at most
 * {@value #BUFFER_TIMEOUT_MS} ms and there is exactly one network exchange (the keyBy) on the way.
 *
 * <p>Run: {@code io.gull.flink.DeviceAuthJob [options]}, options as in {@link JobArgs#USAGE}.
 */
public final class DeviceAuthJob implements GullJob {
    public static final String NAME = "gull-device-auth";
    static final long BUFFER_TIMEOUT_MS = 1;

    private final Source<RawRecord, ?, ?> devices;
    private final Source<RawRecord, ?, ?> requests;
    private final Sink<EdgeReply> replies;
    private final Sink<DeadLetter> deadLetters;
    private final Duration unknownDeviceGrace;
    private final Duration maxRequestAge;

    public DeviceAuthJob(Source<RawRecord, ?, ?> devices, Source<RawRecord, ?, ?> requests, Sink<EdgeReply> replies,
            Sink<DeadLetter> deadLetters, Duration unknownDeviceGrace, Duration maxRequestAge) {
        this.devices = devices;
        this.requests = requests;
        this.replies = replies;
        this.deadLetters = deadLetters;
        this.unknownDeviceGrace = unknownDeviceGrace;
        this.maxRequestAge = maxRequestAge;
    }

    public static void main(String[] args) throws Exception {
        GullJob.run(args, jobArgs -> {
            String kafka = jobArgs.kafkaBootstrap();
            TopicSetup.ensureDeviceAuthTopics(kafka);
            return new DeviceAuthJob(KafkaConnectors.devices(kafka), KafkaConnectors.authRequests(kafka),
                    KafkaConnectors.edgeReplies(kafka), KafkaConnectors.deadLetters(kafka),
                    jobArgs.unknownDeviceGrace(), jobArgs.maxAuthRequestAge());
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

        SingleOutputStreamOperator<DeviceChange> registry = env
                .fromSource(devices, WatermarkStrategy.noWatermarks(), "gull.devices", RawRecord.TYPE)
                .uid("devices-source")
                .process(new DecodeFunction<>(GullDecoders::deviceChange), DeviceChange.TYPE)
                .name("decode-device-changes")
                .uid("decode-device-changes");

        SingleOutputStreamOperator<AuthRequest> authRequests = env
                .fromSource(requests, WatermarkStrategy.noWatermarks(), "gull.auth.requests", RawRecord.TYPE)
                .uid("auth-requests-source")
                .process(new DecodeFunction<>(GullDecoders::authRequest), AuthTypes.AUTH_REQUEST)
                .name("decode-auth-requests")
                .uid("decode-auth-requests");

        registry.keyBy(DeviceChange::deviceId, Types.STRING)
                .connect(authRequests.keyBy(AuthRequest::getClientId, Types.STRING))
                .process(new DeviceAuthFunction(unknownDeviceGrace, maxRequestAge), EdgeReply.TYPE)
                .name("device-auth")
                .uid("device-auth")
                .sinkTo(replies)
                .name("edge-inboxes")
                .uid("edge-inboxes-sink");

        DataStream<DeadLetter> malformed = registry.getSideOutput(DeadLetter.TAG)
                .union(authRequests.getSideOutput(DeadLetter.TAG));
        malformed.sinkTo(deadLetters)
                .name("gull.deadletter")
                .uid("deadletter-sink");
    }
}
