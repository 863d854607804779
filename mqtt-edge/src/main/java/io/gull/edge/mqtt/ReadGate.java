package io.gull.edge.mqtt;

import io.netty.channel.Channel;
import io.netty.handler.timeout.IdleStateHandler;

/**
 * Backpressure of one connection: stops reading the socket while too many of its PUBLISHes, or too many
 * of their bytes, wait for Kafka, while the producer as a whole is saturated, while the client does not
 * read what the edge writes, or for good once the edge drains or the connection is doomed. Resumes when
 * the in-flight count and bytes have fallen to half their limits and the other causes are gone; on resume
 * the keep-alive timer restarts, since the client's packets sat unread while the edge paused.
 */
final class ReadGate {
    private final Channel channel;
    private final int maxInflight;
    private final int resumeBelow;
    private final long maxBytes;
    private final long resumeBytesBelow;

    ReadGate(Channel channel, int maxInflight, long maxBytes) {
        this.channel = channel;
        this.maxInflight = maxInflight;
        this.resumeBelow = Math.max(1, maxInflight / 2);
        this.maxBytes = maxBytes;
        this.resumeBytesBelow = Math.max(1, maxBytes / 2);
    }

    /**
     * @param stopped true while reading must not resume at all (the edge drains, the connection is closing)
     * @return true when reading is paused after this update
     */
    boolean update(int inflight, long inflightBytes, boolean sinkSaturated, boolean stopped) {
        boolean reading = channel.config().isAutoRead();
        boolean blocked = stopped || sinkSaturated || !channel.isWritable();
        boolean pause = blocked || (reading
                ? inflight >= maxInflight || inflightBytes >= maxBytes
                : inflight >= resumeBelow || inflightBytes >= resumeBytesBelow);
        if (pause == reading) {
            channel.config().setAutoRead(!pause);
            if (!pause && channel.pipeline().get(EdgeServer.IDLE) instanceof IdleStateHandler idle) {
                idle.resetReadTimeout();
            }
        }
        return pause;
    }
}
