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
 * </ul>
 */
public final class DeviceAuthFunction extends KeyedCoProcessFunction<String, DeviceChange, AuthRequest, EdgeReply> {
    private static final long serialVersionUID = 1L;

    private final long graceMillis;
    private transient ValueState<DeviceRecord> device;
    private transient ListState<PendingAuth> pending;

    public DeviceAuthFunction(Duration unknownDeviceGrace) {
        if (unknownDeviceGrace.isNegative()) {
            throw new IllegalArgumentException("unknown-device grace must not be negative: " + unknownDeviceGrace);
        }
        this.graceMillis = unknownDeviceGrace.toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        device = getRuntimeContext().getState(new ValueStateDescriptor<>("device", AuthTypes.DEVICE_RECORD));
        pending = getRuntimeContext().getListState(new ListStateDescriptor<>("pending-auth", PendingAuth.TYPE));
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
        DeviceRecord known = device.value();
        if (known != null) {
            out.collect(CredentialCheck.decide(known, request, Instant.ofEpochMilli(now)));
        } else if (graceMillis == 0) {
            out.collect(CredentialCheck.unknownDevice(request, Instant.ofEpochMilli(now)));
        } else {
            long deadline = now + graceMillis;
            pending.add(new PendingAuth(request, deadline));
            timers.registerProcessingTimeTimer(deadline);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<EdgeReply> out) throws Exception {
        Instant now = Instant.ofEpochMilli(ctx.timerService().currentProcessingTime());
        List<PendingAuth> stillWaiting = new ArrayList<>();
        for (PendingAuth waiting : pendingList()) {
            if (waiting.deadline() <= timestamp) {
                out.collect(CredentialCheck.unknownDevice(waiting.request(), now));
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
        Instant now = Instant.ofEpochMilli(timers.currentProcessingTime());
        for (PendingAuth request : waiting) {
            out.collect(CredentialCheck.decide(registered, request.request(), now));
            timers.deleteProcessingTimeTimer(request.deadline());
        }
        pending.clear();
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
