package io.gull.flink;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import io.gull.flink.decode.DeadLetter;
import io.gull.flink.decode.DecodeFunction;
import io.gull.flink.decode.GullDecoders;
import io.gull.flink.kafka.KafkaConnectors;
import io.gull.flink.kafka.RawRecord;
import io.gull.flink.ingress.Resends;
import io.gull.flink.kafka.TopicSetup;
import io.gull.flink.telemetry.CassandraSinkConfig;
import io.gull.flink.telemetry.CassandraTelemetrySink;
import io.gull.schemas.avro.Publish;

/**
 * Telemetry: every message of gull.ingress into Cassandra (telemetry_by_device, latest_by_device), at least once
 * with idempotent primary keys and MQTT resends of stored messages dropped ({@link io.gull.flink.ingress.ResendFilter});
 * offsets are committed to group gull-telemetry on checkpoints.
 *
 * <p>Run: {@code io.gull.flink.TelemetryJob [options]}, options as in {@link JobArgs#USAGE}.
 */
public final class TelemetryJob implements GullJob {
    public static final String NAME = "gull-telemetry";

    private final Source<RawRecord, ?, ?> ingress;
    private final Sink<Publish> telemetry;
    private final Sink<DeadLetter> deadLetters;

    public TelemetryJob(Source<RawRecord, ?, ?> ingress, Sink<Publish> telemetry, Sink<DeadLetter> deadLetters) {
        this.ingress = ingress;
        this.telemetry = telemetry;
        this.deadLetters = deadLetters;
    }

    public static void main(String[] args) throws Exception {
        GullJob.run(args, jobArgs -> {
            String kafka = jobArgs.kafkaBootstrap();
            TopicSetup.ensureTelemetryTopics(kafka);
            CassandraSinkConfig cassandra = CassandraSinkConfig.of(
                    jobArgs.cassandraContactPoints(), jobArgs.cassandraLocalDc(), jobArgs.cassandraKeyspace());
            return new TelemetryJob(KafkaConnectors.ingress(kafka), new CassandraTelemetrySink(cassandra, kafka),
                    KafkaConnectors.deadLetters(kafka));
        });
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Adds the job's operators to {@code env}: source and decoding chained, then keyed by client for the resend filter. */
    @Override
    public void build(StreamExecutionEnvironment env) {
        SingleOutputStreamOperator<Publish> publishes = env
                .fromSource(ingress, WatermarkStrategy.noWatermarks(), "gull.ingress", RawRecord.TYPE)
                .uid("ingress-source")
                .process(new DecodeFunction<>(GullDecoders::publish), new AvroTypeInfo<>(Publish.class))
                .name("decode-publishes")
                .uid("decode-publishes");

        Resends.dropped(publishes).sinkTo(telemetry)
                .name("cassandra-telemetry")
                .uid("cassandra-telemetry-sink");

        publishes.getSideOutput(DeadLetter.TAG)
                .sinkTo(deadLetters)
                .name("gull.deadletter")
                .uid("deadletter-sink");
    }
}
