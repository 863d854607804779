package io.gull.edge.mqtt;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.gull.edge.EdgeConfig;
import io.gull.edge.EdgeConfigParser;
import io.gull.schemas.avro.AuthOutcome;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;

/**
 * One edge connection for fuzzing: the real pipeline ({@link EdgeServer#configure}, with the edge's maximum packet
 * size) in an {@link EmbeddedChannel}, the Kafka-facing ports as the in-memory fakes of the other edge tests, which
 * here answer at once: every CONNECT gets the chosen decision, every PUBLISH and session event is stored. Bytes go in
 * in the given chunks, and like a socket, only while the edge reads (auto-read). It records what the properties
 * check: the bytes the edge wrote, what it was fed, how far it got without a packet, the buffers it was given.
 */
final class FuzzedEdge implements AutoCloseable {
    /** Small, so that oversized packets are cheap to generate; the same rules apply as for the default 1 MB. */
    static final int MAX_PACKET_SIZE = 2048;

    final FakeAuthenticator auth = new FakeAuthenticator();
    final RecordingIngress ingress = new RecordingIngress();
    final RecordingSessionEvents events = new RecordingSessionEvents();
    final EdgeConfig config;
    final EmbeddedChannel channel = new EmbeddedChannel();
    private final AuthOutcome outcome;
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final List<ByteBuf> given = new ArrayList<>();
    private final List<byte[]> chunksFed = new ArrayList<>();
    private int answeredAuth;
    private int storedSends;
    private int storedEmits;
    private int packets;
    private long fed;
    private long fedWhenLastPacketSeen;
    private long mostHeldWithoutPacket;
    private boolean ended;

    FuzzedEdge(AuthOutcome outcome, boolean allowAnonymous) {
        this.outcome = outcome;
        this.config = EdgeConfigParser.parse("--mqtt.max-packet-size=" + MAX_PACKET_SIZE,
                "--mqtt.allow-anonymous=" + allowAnonymous);
        ConnectionServices services = new ConnectionServices(config, auth, ingress, events, new ClientRegistry(),
                new ConnectionRegistry(), new DeliveryCounters(), new DrainSignal(), Clock.systemUTC());
        channel.freezeTime();
        EdgeServer.configure(channel.pipeline(), services);
        channel.pipeline().addAfter(EdgeServer.DECODER, "fuzz-packet-counter", new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                packets++;
                ctx.fireChannelRead(msg);
            }
        });
    }

    /**
     * Feeds {@code stream} in chunks of the given sizes (cycled), settling after each; stops when the edge closes
     * the connection or stops reading for good.
     */
    void feed(byte[] stream, List<Integer> chunkSizes) {
        int at = 0;
        int chunk = 0;
        settle();
        while (at < stream.length && channel.isOpen() && channel.config().isAutoRead()) {
            int size = Math.min(stream.length - at, Math.max(1, chunkSizes.get(chunk++ % chunkSizes.size())));
            byte[] bytes = java.util.Arrays.copyOfRange(stream, at, at + size);
            at += size;
            ByteBuf buf = Unpooled.wrappedBuffer(bytes);
            given.add(buf);
            chunksFed.add(bytes);
            long before = fed;
            int packetsBefore = packets;
            fed += size;
            channel.writeInbound(buf);
            if (packets != packetsBefore) {
                fedWhenLastPacketSeen = before;
            }
            mostHeldWithoutPacket = Math.max(mostHeldWithoutPacket, fed - fedWhenLastPacketSeen);
            settle();
        }
    }

    /** Runs what is due on the event loop and answers every request to the fakes, until nothing is left. */
    void settle() {
        boolean progress = true;
        while (progress) {
            channel.runPendingTasks();
            progress = false;
            while (answeredAuth < auth.calls.size()) {
                auth.calls.get(answeredAuth++).answer(outcome, outcome == AuthOutcome.ALLOWED ? "acme" : null);
                progress = true;
            }
            while (storedSends < ingress.sends.size()) {
                ingress.sends.get(storedSends++).stored().complete(null);
                progress = true;
            }
            while (storedEmits < events.emits.size()) {
                events.emits.get(storedEmits++).stored().complete(null);
                progress = true;
            }
            drainOutput();
        }
    }

    /** Lets the frozen clock run on by {@code millis} (connect timeout, keep-alive) and settles. */
    void advanceMillis(long millis) {
        channel.advanceTimeBy(millis, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        settle();
    }

    /** Everything the edge wrote so far. */
    byte[] written() {
        drainOutput();
        return written.toByteArray();
    }

    /** The chunks the edge was given, in order (the reference decoder is fed the same). */
    List<byte[]> chunksFed() {
        return chunksFed;
    }

    long bytesFed() {
        return fed;
    }

    /** The most bytes fed since (the chunk of) the last packet the decoder produced: what the edge may be holding. */
    long mostHeldWithoutPacket() {
        return mostHeldWithoutPacket;
    }

    /** Messages that went through the whole pipeline unhandled; none is expected. */
    List<Object> reachedTheTail() {
        List<Object> unhandled = new ArrayList<>();
        Object msg;
        while ((msg = channel.readInbound()) != null) {
            unhandled.add(msg);
            ReferenceCountUtil.release(msg);
        }
        return unhandled;
    }

    /** The buffers fed to the edge that it still holds a reference to (after close: leaks). */
    List<ByteBuf> unreleasedInput() {
        return given.stream().filter(b -> b.refCnt() > 0).toList();
    }

    /** Ends the connection as a lost one (if the edge did not end it) and runs what that triggers. */
    void end() {
        ended = true;
        if (channel.isOpen()) {
            channel.close();
        }
        settle();
        channel.finishAndReleaseAll();
    }

    /** {@link #end()}, then drops whatever the edge still holds, so that one failed try does not affect the next. */
    @Override
    public void close() {
        if (!ended) {
            try {
                end();
            } catch (RuntimeException e) {
                // the try failed already; this only cleans up
            }
        }
        given.stream().filter(b -> b.refCnt() > 0).forEach(b -> b.release(b.refCnt()));
    }

    private void drainOutput() {
        Object out;
        while ((out = channel.readOutbound()) != null) {
            if (out instanceof ByteBuf buf) {
                byte[] bytes = new byte[buf.readableBytes()];
                buf.readBytes(bytes);
                written.writeBytes(bytes);
            } else {
                throw new AssertionError("the edge wrote an unencoded " + out.getClass().getName() + ": " + out);
            }
            ReferenceCountUtil.release(out);
        }
    }
}
