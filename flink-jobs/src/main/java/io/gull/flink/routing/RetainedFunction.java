package io.gull.flink.routing;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.gull.schemas.avro.Publish;

/**
 * The retained operator (uid {@code retained}): retained messages, keyed by tenant + first topic level, topic ->
 * the retained Publish.
 * <ul>
 *   <li>A publish with RETAIN stores its message; an empty payload deletes it ({@link RetainedRules}).</li>
 *   <li>A {@link RetainedRequest} whose filter starts with a plain level arrives keyed and reads only its shard;
 *       one whose filter starts with {@code +} or {@code #} is broadcast and reads every shard of its tenant on
 *       each subtask ({@code applyToKeyedState}), each subtask sending at most its share of the cap.</li>
 *   <li>Expired retained messages are deleted when found; the cap, when reached, is counted and logged (at most
 *       once a minute per subtask).</li>
 * </ul>
 */
public final class RetainedFunction
        extends KeyedBroadcastProcessFunction<String, RetainedInput, RetainedRequest, Match> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(RetainedFunction.class);
    private static final long CAP_LOG_INTERVAL_MS = 60_000;

    private final int cap;
    private final MapStateDescriptor<String, Publish> retainedDescriptor =
            new MapStateDescriptor<>("retained-messages", Types.STRING, RoutingTypes.PUBLISH);
    private transient MapState<String, Publish> retained;
    private transient RetainedMetrics metrics;
    private transient long capLoggedAt;

    public RetainedFunction(RoutingConfig config) {
        this.cap = config.retainedPerSubscribe();
    }

    @Override
    public void open(OpenContext openContext) {
        retained = getRuntimeContext().getMapState(retainedDescriptor);
        metrics = new RetainedMetrics(getRuntimeContext().getMetricGroup());
        capLoggedAt = Long.MIN_VALUE;
    }

    RetainedMetrics metrics() {
        return metrics;
    }

    @Override
    public void processElement(RetainedInput input, ReadOnlyContext ctx, Collector<Match> out) throws Exception {
        long now = ctx.currentProcessingTime();
        if (input.publish() != null) {
            store(input.publish(), now);
            return;
        }
        RetainedScan scan = new RetainedScan(input.request(), cap, now);
        read(scan, retained);
        finish(scan, out, now);
    }

    @Override
    public void processBroadcastElement(RetainedRequest request, Context ctx, Collector<Match> out) throws Exception {
        long now = ctx.currentProcessingTime();
        int share = RetainedRules.broadcastShare(cap, getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks());
        RetainedScan scan = new RetainedScan(request, share, now);
        ctx.applyToKeyedState(retainedDescriptor, (key, shard) -> {
            if (RoutingKeys.isOfTenant(key, request.tenant())) {
                read(scan, shard);
            }
        });
        finish(scan, out, now);
    }

    private void store(Publish publish, long now) throws Exception {
        if (RetainedRules.effect(publish, now) == RetainedRules.Effect.DELETE) {
            retained.remove(publish.getTopic());
            metrics.deleted();
        } else {
            retained.put(publish.getTopic(), publish);
            metrics.stored();
        }
    }

    private static void read(RetainedScan scan, MapState<String, Publish> shard) throws Exception {
        int expiredBefore = scan.expired().size();
        if (scan.isSingleTopic()) {
            scan.offer(shard.get(scan.filter()));
        } else {
            scan.scan(shard.entries());
        }
        for (String topic : scan.expired().subList(expiredBefore, scan.expired().size())) {
            shard.remove(topic); // after the scan: no state change while iterating it
        }
    }

    private void finish(RetainedScan scan, Collector<Match> out, long now) {
        scan.matches().forEach(out::collect);
        metrics.matched(scan.matches().size());
        metrics.expired(scan.expired().size());
        if (scan.capped()) {
            metrics.capped();
            if (capLoggedAt == Long.MIN_VALUE || now - capLoggedAt >= CAP_LOG_INTERVAL_MS) {
                capLoggedAt = now;
                LOG.warn("Subscription {} of {} matches more retained messages than the {} sent per subscription "
                        + "(--retained.max-per-subscribe); the rest are not sent (counted in {}, logged at most once "
                        + "a minute)", scan.filter(), scan.clientId(), scan.matches().size(),
                        RetainedMetrics.CAPPED);
            }
        }
    }
}
