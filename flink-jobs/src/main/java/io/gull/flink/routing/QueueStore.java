package io.gull.flink.routing;

import java.util.List;
import java.util.Map;

/**
 * The entries of one session's queue and their indexes, as {@link SessionQueue} needs them: Flink keyed state in
 * the job ({@link StateQueueStore}), a map in tests.
 */
interface QueueStore {

    QueuedMessage get(long seq);

    void put(long seq, QueuedMessage message);

    /** Removes the entry and its shared tag. */
    void remove(long seq);

    /** The shared subscription the entry came through, or null for the session's own subscriptions. */
    SharedTag sharedTag(long seq);

    void tagShared(long seq, SharedTag tag);

    /** Every entry, in no particular order. */
    List<Map.Entry<Long, QueuedMessage>> entries();

    /** The seq of the queued message with this id, or null. */
    Long seqOf(String messageId);

    void index(String messageId, long seq);

    void unindex(String messageId);

    /** The seq of the in-flight message using this packet id, or null when the id is free. */
    Long packetIdOwner(int packetId);

    void holdPacketId(int packetId, long seq);

    void releasePacketId(int packetId);

    /** Removes every entry, tag and index. */
    void clear();
}
