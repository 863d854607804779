package io.gull.flink.ingress;

import java.time.Duration;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import io.gull.schemas.avro.Publish;

/**
 * Drops resends of messages already in gull.ingress (MQTT DUP resends after a reconnect, QoS 2 resends before
 * PUBREL on another edge), keyed by tenant and client id, so a resend is routed once and leaves one telemetry row.
 * gull.ingress is keyed by client id, so a client's resend comes after its original in this operator's input.
 * The rule is {@link RecentPublishes}'; a client's memory expires {@link #MEMORY} after its last QoS 1/2 publish.
 * Metric {@value #DROPPED}: resends dropped.
 */
public final class ResendFilter extends KeyedProcessFunction<String, Publish, Publish> {
    public static final Duration MEMORY = Duration.ofHours(1);
    static final String DROPPED = "resendsDropped";
    private static final long serialVersionUID = 1L;

    private transient ValueState<long[]> recent;
    private transient Counter dropped;

    /** The key: tenant and client id. */
    public static String key(Publish publish) {
        return publish.getTenant() + '/' + publish.getClientId();
    }

    @Override
    public void open(OpenContext openContext) {
        ValueStateDescriptor<long[]> descriptor = new ValueStateDescriptor<>("recent-publishes",
                PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO);
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(MEMORY).build());
        recent = getRuntimeContext().getState(descriptor);
        dropped = getRuntimeContext().getMetricGroup().counter(DROPPED);
    }

    @Override
    public void processElement(Publish publish, Context ctx, Collector<Publish> out) throws Exception {
        if (publish.getQos() == 0 || publish.getWill() || publish.getPacketId() == 0) {
            out.collect(publish);
            return;
        }
        RecentPublishes publishes = RecentPublishes.of(recent.value());
        long fingerprint = PublishFingerprint.of(publish);
        if (publish.getDup() && publishes.isResend(publish.getPacketId(), fingerprint)) {
            dropped.inc();
            return;
        }
        recent.update(publishes.remember(publish.getPacketId(), fingerprint));
        out.collect(publish);
    }
}
