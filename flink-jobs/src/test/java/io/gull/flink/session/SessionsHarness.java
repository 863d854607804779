package io.gull.flink.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.OutputTag;

import io.gull.flink.auth.DeviceChange;
import io.gull.flink.auth.EdgeReply;
import io.gull.flink.routing.Presence;
import io.gull.flink.routing.RetainedRequest;
import io.gull.flink.routing.SubscriptionChange;
import io.gull.schemas.avro.AuthDecision;
import io.gull.schemas.avro.AuthRequest;
import io.gull.schemas.avro.DeviceRecord;
import io.gull.schemas.avro.Kick;
import io.gull.schemas.avro.Publish;
import io.gull.schemas.avro.SessionEvent;

/**
 * The sessions operator on RocksDB state, as in production, with processing time under the test's control; each
 * {@code take...} returns what was output since the last call.
 */
final class SessionsHarness implements AutoCloseable {
    final SessionsFunction function;
    final KeyedOneInputStreamOperatorTestHarness<String, SessionInput, EdgeReply> harness;
    private int repliesTaken;

    SessionsHarness(SessionConfig config) throws Exception {
        this(config, null);
    }

    SessionsHarness(SessionConfig config, OperatorSubtaskState restoreFrom) throws Exception {
        function = new SessionsFunction(config);
        harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(function),
                SessionInput::clientId, Types.STRING);
        harness.setStateBackend(new EmbeddedRocksDBStateBackend());
        harness.setProcessingTime(SessionFixtures.T0);
        if (restoreFrom != null) {
            harness.initializeState(restoreFrom);
        }
        harness.open();
    }

    void register(DeviceRecord device) throws Exception {
        harness.processElement(SessionInput.of(DeviceChange.registered(device)), 0);
    }

    void delete(String deviceId) throws Exception {
        harness.processElement(SessionInput.of(DeviceChange.deleted(deviceId)), 0);
    }

    /** A request the broker appended just now. */
    void connect(AuthRequest request) throws Exception {
        connect(request, now());
    }

    void connect(AuthRequest request, long appendedAt) throws Exception {
        harness.processElement(SessionInput.of(request, appendedAt), 0);
    }

    void event(SessionEvent event) throws Exception {
        harness.processElement(SessionInput.of(event), 0);
    }

    long now() {
        return harness.getProcessingTime();
    }

    /** Moves processing time to {@code time}, firing the timers due. */
    void at(long time) throws Exception {
        harness.setProcessingTime(time);
    }

    List<EdgeReply> takeReplies() {
        List<EdgeReply> all = harness.extractOutputValues();
        List<EdgeReply> fresh = new ArrayList<>(all.subList(repliesTaken, all.size()));
        repliesTaken = all.size();
        return fresh;
    }

    /** The decisions among the replies since the last take (kicks are dropped: use {@link #takeKicks}). */
    List<AuthDecision> takeDecisions() {
        return takeReplies().stream().filter(r -> r.message().getBody() instanceof AuthDecision)
                .map(r -> (AuthDecision) r.message().getBody()).toList();
    }

    AuthDecision takeDecision() {
        List<AuthDecision> decisions = takeDecisions();
        if (decisions.size() != 1) {
            throw new AssertionError("expected one decision, got " + decisions);
        }
        return decisions.get(0);
    }

    /** The kicks among the replies since the last take, with the edge each goes to. */
    List<EdgeReply> takeKicks() {
        return takeReplies().stream().filter(r -> r.message().getBody() instanceof Kick).toList();
    }

    List<Presence> takePresence() {
        return take(SessionOutputs.PRESENCE);
    }

    List<SubscriptionChange> takeSubscriptionChanges() {
        return take(SessionOutputs.SUBSCRIPTIONS);
    }

    List<RetainedRequest> takeRetainedRequests() {
        return take(SessionOutputs.RETAINED_REQUESTS);
    }

    List<Publish> takeWills() {
        return take(SessionOutputs.WILLS);
    }

    /** Forgets every output so far. */
    void takeAll() {
        takeReplies();
        takePresence();
        takeSubscriptionChanges();
        takeRetainedRequests();
        takeWills();
    }

    SessionMetrics metrics() {
        return function.metrics();
    }

    int timers() {
        return harness.numProcessingTimeTimers();
    }

    /** How many client ids have an entry in keyed state {@code stateName} (RocksDB cannot count all entries). */
    long keysWith(String stateName) throws Exception {
        try (var keys = ((KeyedProcessOperator<?, ?, ?>) harness.getOperator()).getKeyedStateBackend()
                .getKeys(stateName, VoidNamespace.INSTANCE)) {
            return keys.count();
        }
    }

    OperatorSubtaskState snapshot() throws Exception {
        return harness.snapshot(1, now());
    }

    private <T> List<T> take(OutputTag<T> tag) {
        Queue<StreamRecord<T>> queue = harness.getSideOutput(tag);
        List<T> out = new ArrayList<>();
        if (queue != null) {
            StreamRecord<T> record;
            while ((record = queue.poll()) != null) {
                out.add(record.getValue());
            }
        }
        return out;
    }

    @Override
    public void close() throws Exception {
        harness.close();
    }
}
