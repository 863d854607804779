package io.gull.flink.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

import io.gull.schemas.avro.AuthRequest;
import io.gull.schemas.avro.DeviceRecord;

/**
 * The device registry, keyed by device id (= MQTT client id), and the auth decisions made from it.
 * Input 1: registry changes from gull.devices. Input 2: auth requests from gull.auth.requests.
 * <ul>
 *   <li>A request of a registered device is answered at once: ALLOWED (with the tenant) or BAD_CREDENTIALS.</li>
 *   <li>A request of an unknown device waits up to {@code unknownDeviceGrace} (processing time) for the device
 *       to be registered, so that "register, then connect" works even while the registry is read in; then it
 *       is answered UNKNOWN_DEVICE. Its state and timer are gone once it is answered.</li>
 *   <li>A tombstone deletes the device: later requests are answered as for an unknown device.</li>
 *   <li>A request older than the max request age (the edge has given up on it) is dropped unanswered, before any
 *       password hashing, both on arrival and when a waiting request would be answered; counted in
 *       {@value AuthMetrics#STALE}. Answers are counted per outcome in {@value AuthMetrics#DECISIONS}.</li>
 * </ul>
 */
public final class DeviceAuthFunction extends KeyedCoProcessFunction<String, DeviceChange, AuthRequest, EdgeReply> {
    private static final long serialVersionUID = 1L;

    private final long graceMillis;
    private final RequestAge requestAge;
    private transient ValueState<DeviceRecord> device;
    private transient ListState<PendingAuth> pending;
    private transient AuthMetrics metrics;

    public DeviceAuthFunction(Duration unknownDeviceGrace, Duration maxRequestAge) {
        if (unknownDeviceGrace.isNegative()) {
            throw new IllegalArgumentException("unknown-device grace must not be negative: " + unknownDeviceGrace);
        }
        this.graceMillis = unknownDeviceGrace.toMillis();
        this.requestAge = new RequestAge(maxRequestAge);
    }

    @Override
    public void open(OpenContext openContext) {
        device = getRuntimeContext().getState(new ValueStateDescriptor<>("device", AuthTypes.DEVICE_RECORD));
        pending = getRuntimeContext().getListState(new ListStateDescriptor<>("pending-auth", PendingAuth.TYPE));
        metrics = new AuthMetrics(getRuntimeContext().getMetricGroup());
    }

    /** The operator's counters (for tests). */
    AuthMetrics metrics() {
        return metrics;
    }

    @Override
    public void processElement1(DeviceChange change, Context ctx, Collector<EdgeReply> out) throws Exception {
        if (change.isDeletion()) {
            device.clear();
            return;
        }
        device.update(change.device());
        answerPending(change.device(), ctx.timerService(), out);
    }

    @Override
    public void processElement2(AuthRequest request, Context ctx, Collector<EdgeReply> out) throws Exception {
        TimerService timers = ctx.timerService();
        long now = timers.currentProcessingTime();
        if (dropIfStale(request, now)) {
            return;
        }
        DeviceRecord known = device.value();
        if (known != null) {
            answer(CredentialCheck.decide(known, request, Instant.ofEpochMilli(now)), out);
        } else if (graceMillis == 0) {
            answer(CredentialCheck.unknownDevice(request, Instant.ofEpochMilli(now)), out);
        } else {
            long deadline = now + graceMillis;
            pending.add(new PendingAuth(request, deadline));
            timers.registerProcessingTimeTimer(deadline);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<EdgeReply> out) throws Exception {
        long nowMillis = ctx.timerService().currentProcessingTime();
        Instant now = Instant.ofEpochMilli(nowMillis);
        List<PendingAuth> stillWaiting = new ArrayList<>();
        for (PendingAuth waiting : pendingList()) {
            if (waiting.deadline() <= timestamp) {
                if (!dropIfStale(waiting.request(), nowMillis)) {
                    answer(CredentialCheck.unknownDevice(waiting.request(), now), out);
                }
            } else {
                stillWaiting.add(waiting);
            }
        }
        if (stillWaiting.isEmpty()) {
            pending.clear();
        } else {
            pending.update(stillWaiting);
        }
    }

    private void answerPending(DeviceRecord registered, TimerService timers, Collector<EdgeReply> out)
            throws Exception {
        List<PendingAuth> waiting = pendingList();
        if (waiting.isEmpty()) {
            return;
        }
        long nowMillis = timers.currentProcessingTime();
        Instant now = Instant.ofEpochMilli(nowMillis);
        for (PendingAuth request : waiting) {
            timers.deleteProcessingTimeTimer(request.deadline());
            if (!dropIfStale(request.request(), nowMillis)) {
                answer(CredentialCheck.decide(registered, request.request(), now), out);
            }
        }
        pending.clear();
    }

    /** Drops (and counts, never logs: there can be thousands after an outage) a request the edge gave up on. */
    private boolean dropIfStale(AuthRequest request, long nowMillis) {
        if (requestAge.isStale(request, nowMillis)) {
            metrics.staleRequest();
            return true;
        }
        return false;
    }

    private void answer(EdgeReply reply, Collector<EdgeReply> out) {
        metrics.answered(reply);
        out.collect(reply);
    }

    private List<PendingAuth> pendingList() throws Exception {
        List<PendingAuth> out = new ArrayList<>();
        Iterable<PendingAuth> stored = pending.get();
        if (stored != null) {
            stored.forEach(out::add);
        }
        return out;
    }
}
