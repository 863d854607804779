package io.gull.flink.routing;

import java.util.List;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;

import io.gull.flink.auth.EdgeReply;

/** Operator harnesses of the routing functions on RocksDB state, as in production, optionally restored. */
final class Harnesses {
    private Harnesses() {
    }

    /** Key groups of every harness here, so that snapshots can be rescaled. */
    static final int MAX_PARALLELISM = 128;

    static KeyedBroadcastOperatorTestHarness<String, MatchInput, SubscriptionChange, Match> match(
            MatchFunction function, OperatorSubtaskState restored) throws Exception {
        return match(function, restored, 1, 0);
    }

    static KeyedBroadcastOperatorTestHarness<String, MatchInput, SubscriptionChange, Match> match(
            MatchFunction function, OperatorSubtaskState restored, int parallelism, int subtask) throws Exception {
        var harness = new KeyedBroadcastOperatorTestHarness<>(
                new CoBroadcastWithKeyedOperator<>(function, List.of(MatchFunction.WILDCARDS)),
                MatchInput::key, Types.STRING, MAX_PARALLELISM, parallelism, subtask);
        return start(harness, restored);
    }

    static KeyedBroadcastOperatorTestHarness<String, RetainedInput, RetainedRequest, Match> retained(
            RetainedFunction function, OperatorSubtaskState restored) throws Exception {
        return retained(function, restored, 1, 0);
    }

    static KeyedBroadcastOperatorTestHarness<String, RetainedInput, RetainedRequest, Match> retained(
            RetainedFunction function, OperatorSubtaskState restored, int parallelism, int subtask) throws Exception {
        var harness = new KeyedBroadcastOperatorTestHarness<>(
                new CoBroadcastWithKeyedOperator<>(function, List.of()),
                RetainedInput::key, Types.STRING, MAX_PARALLELISM, parallelism, subtask);
        return start(harness, restored);
    }

    static KeyedOneInputStreamOperatorTestHarness<String, DeliveryInput, EdgeReply> delivery(
            DeliveryFunction function, OperatorSubtaskState restored) throws Exception {
        return delivery(function, restored, 1, 0);
    }

    static KeyedOneInputStreamOperatorTestHarness<String, DeliveryInput, EdgeReply> delivery(
            DeliveryFunction function, OperatorSubtaskState restored, int parallelism, int subtask) throws Exception {
        var harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(function),
                DeliveryInput::clientId, Types.STRING, MAX_PARALLELISM, parallelism, subtask);
        return start(harness, restored);
    }

    /** The subtask (of {@code parallelism}) that owns {@code key}. */
    static int owner(String key, int parallelism) {
        return KeyGroupRangeAssignment.assignKeyToParallelOperator(key, MAX_PARALLELISM, parallelism);
    }

    /** {@code snapshot} of one subtask, as subtask {@code subtask} of {@code newParallelism} restores it. */
    static OperatorSubtaskState rescaled(OperatorSubtaskState snapshot, int newParallelism, int subtask) {
        return AbstractStreamOperatorTestHarness.repartitionOperatorState(snapshot, MAX_PARALLELISM, 1,
                newParallelism, subtask);
    }

    /** On heap state, whose entries the harness can count (RocksDB's it cannot). */
    static KeyedOneInputStreamOperatorTestHarness<String, DeliveryInput, EdgeReply> deliveryOnHeap(
            DeliveryFunction function) throws Exception {
        var harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(function),
                DeliveryInput::clientId, Types.STRING);
        harness.setStateBackend(new HashMapStateBackend());
        harness.open();
        return harness;
    }

    private static <H extends AbstractStreamOperatorTestHarness<?>> H start(H harness,
            OperatorSubtaskState restored) throws Exception {
        harness.setStateBackend(new EmbeddedRocksDBStateBackend());
        if (restored == null) {
            harness.initializeEmptyState();
        } else {
            harness.initializeState(restored);
        }
        harness.setProcessingTime(0);
        harness.open();
        return harness;
    }
}
