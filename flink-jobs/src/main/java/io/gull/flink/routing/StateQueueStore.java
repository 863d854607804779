package io.gull.flink.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.flink.api.common.state.MapState;
import org.apache.flink.util.FlinkRuntimeException;

/**
 * A session's queue in Flink keyed state (the current key's): seq -> entry, messageId -> seq, packetId -> seq, and
 * seq -> shared tag for the entries that came through a shared subscription.
 */
final class StateQueueStore implements QueueStore {
    private final MapState<Long, QueuedMessage> queue;
    private final MapState<String, Long> seqByMessageId;
    private final MapState<Integer, Long> seqByPacketId;
    private final MapState<Long, SharedTag> sharedTags;

    StateQueueStore(MapState<Long, QueuedMessage> queue, MapState<String, Long> seqByMessageId,
            MapState<Integer, Long> seqByPacketId, MapState<Long, SharedTag> sharedTags) {
        this.queue = queue;
        this.seqByMessageId = seqByMessageId;
        this.seqByPacketId = seqByPacketId;
        this.sharedTags = sharedTags;
    }

    @Override
    public QueuedMessage get(long seq) {
        return call(() -> queue.get(seq));
    }

    @Override
    public void put(long seq, QueuedMessage message) {
        run(() -> queue.put(seq, message));
    }

    @Override
    public void remove(long seq) {
        run(() -> {
            queue.remove(seq);
            sharedTags.remove(seq);
        });
    }

    @Override
    public SharedTag sharedTag(long seq) {
        return call(() -> sharedTags.get(seq));
    }

    @Override
    public void tagShared(long seq, SharedTag tag) {
        run(() -> sharedTags.put(seq, tag));
    }

    @Override
    public List<Map.Entry<Long, QueuedMessage>> entries() {
        return call(() -> {
            List<Map.Entry<Long, QueuedMessage>> out = new ArrayList<>();
            for (Map.Entry<Long, QueuedMessage> entry : queue.entries()) {
                out.add(Map.entry(entry.getKey(), entry.getValue()));
            }
            return out;
        });
    }

    @Override
    public Long seqOf(String messageId) {
        return call(() -> seqByMessageId.get(messageId));
    }

    @Override
    public void index(String messageId, long seq) {
        run(() -> seqByMessageId.put(messageId, seq));
    }

    @Override
    public void unindex(String messageId) {
        run(() -> seqByMessageId.remove(messageId));
    }

    @Override
    public Long packetIdOwner(int packetId) {
        return call(() -> seqByPacketId.get(packetId));
    }

    @Override
    public void holdPacketId(int packetId, long seq) {
        run(() -> seqByPacketId.put(packetId, seq));
    }

    @Override
    public void releasePacketId(int packetId) {
        run(() -> seqByPacketId.remove(packetId));
    }

    @Override
    public void clear() {
        queue.clear();
        seqByMessageId.clear();
        seqByPacketId.clear();
        sharedTags.clear();
    }

    private interface StateCall<T> {
        T call() throws Exception;
    }

    private interface StateRun {
        void run() throws Exception;
    }

    private static <T> T call(StateCall<T> access) {
        try {
            return access.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new FlinkRuntimeException("delivery state access failed", e);
        }
    }

    private static void run(StateRun access) {
        call(() -> {
            access.run();
            return null;
        });
    }
}
