package io.gull.flink.routing;

import java.util.Map;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * The delivery operator's counters of one session's queue. The queue holds seqs {@code [.., nextSeq)}: those below
 * {@code nextToSend} are in flight (SENT/RECEIVED) or gone (acked), those from {@code nextToSend} on are all
 * waiting (QUEUED), in order.
 *
 * @param nextSeq          seq of the next message queued (seqs start at 1 and only grow within a session)
 * @param nextToSend       seq of the oldest message not sent yet
 * @param inflight         messages sent and not yet completed (SENT + RECEIVED)
 * @param nextPacketId     where the search for a free packet id starts (1-65535, round robin)
 * @param overflowLoggedAt when an overflow of this queue was last logged (epoch ms), {@link #NEVER} if never
 */
public record QueueCounters(long nextSeq, long nextToSend, int inflight, int nextPacketId, long overflowLoggedAt) {
    public static final long NEVER = Long.MIN_VALUE;
    public static final QueueCounters EMPTY = new QueueCounters(1, 1, 0, 1, NEVER);

    public static final TypeInformation<QueueCounters> TYPE = Types.POJO(QueueCounters.class, Map.of(
            "nextSeq", Types.LONG,
            "nextToSend", Types.LONG,
            "inflight", Types.INT,
            "nextPacketId", Types.INT,
            "overflowLoggedAt", Types.LONG));

    /** Messages in the queue, sent-unacknowledged included. */
    long size() {
        return inflight + (nextSeq - nextToSend);
    }
}
