package io.gull.edge.mqtt;

import io.netty.channel.Channel;

/**
 * Backpressure of one connection: stops reading the socket while too many of its PUBLISHes wait for
 * Kafka, while the producer as a whole is saturated, or while the client does not read what the edge
 * writes; resumes when the in-flight count has fallen to half the limit and the other causes are gone.
 */
final class ReadGate {
    private final Channel channel;
    private final int maxInflight;
    private final int resumeBelow;

    ReadGate(Channel channel, int maxInflight) {
        this.channel = channel;
        this.maxInflight = maxInflight;
        this.resumeBelow = Math.max(1, maxInflight / 2);
    }

    /** Returns true when reading is paused after this update. */
    boolean update(int inflight, boolean sinkSaturated) {
        boolean reading = channel.config().isAutoRead();
        boolean blocked = sinkSaturated || !channel.isWritable();
        boolean pause = blocked || (reading ? inflight >= maxInflight : inflight >= resumeBelow);
        if (pause == reading) {
            channel.config().setAutoRead(!pause);
        }
        return pause;
    }
}
