package io.gull.flink.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A session's queue in maps, for the delivery rules without Flink. */
final class InMemoryQueueStore implements QueueStore {
    final Map<Long, QueuedMessage> queue = new HashMap<>();
    final Map<String, Long> seqByMessageId = new HashMap<>();
    final Map<Integer, Long> seqByPacketId = new HashMap<>();
    final Map<Long, SharedTag> sharedTags = new HashMap<>();

    @Override
    public QueuedMessage get(long seq) {
        return queue.get(seq);
    }

    @Override
    public void put(long seq, QueuedMessage message) {
        queue.put(seq, message);
    }

    @Override
    public void remove(long seq) {
        queue.remove(seq);
        sharedTags.remove(seq);
    }

    @Override
    public SharedTag sharedTag(long seq) {
        return sharedTags.get(seq);
    }

    @Override
    public void tagShared(long seq, SharedTag tag) {
        sharedTags.put(seq, tag);
    }

    @Override
    public List<Map.Entry<Long, QueuedMessage>> entries() {
        return new ArrayList<>(queue.entrySet());
    }

    @Override
    public Long seqOf(String messageId) {
        return seqByMessageId.get(messageId);
    }

    @Override
    public void index(String messageId, long seq) {
        seqByMessageId.put(messageId, seq);
    }

    @Override
    public void unindex(String messageId) {
        seqByMessageId.remove(messageId);
    }

    @Override
    public Long packetIdOwner(int packetId) {
        return seqByPacketId.get(packetId);
    }

    @Override
    public void holdPacketId(int packetId, long seq) {
        seqByPacketId.put(packetId, seq);
    }

    @Override
    public void releasePacketId(int packetId) {
        seqByPacketId.remove(packetId);
    }

    @Override
    public void clear() {
        queue.clear();
        seqByMessageId.clear();
        seqByPacketId.clear();
        sharedTags.clear();
    }
}
