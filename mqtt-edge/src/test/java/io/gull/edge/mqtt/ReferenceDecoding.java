package io.gull.edge.mqtt;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.util.ReferenceCountUtil;

/**
 * What the packets of a byte stream are, as the edge's own decoder (the one {@link EdgeServer#configure} installs,
 * same configuration) reads them when given the same chunks: the reference a fuzz property holds the edge's answers
 * against. Holds the decoded messages until {@link #close()}.
 */
final class ReferenceDecoding implements AutoCloseable {

    /** One decoded packet (possibly a decoder failure) and the chunk that completed it. */
    record Decoded(MqttMessage message, int chunk) {
    }

    private final List<Decoded> packets = new ArrayList<>();

    ReferenceDecoding(FuzzedEdge edge) {
        EmbeddedChannel channel = new EmbeddedChannel();
        EdgeServer.configure(channel.pipeline(), new ConnectionServices(edge.config, new FakeAuthenticator(),
                new RecordingIngress(), new RecordingSessionEvents(), new ClientRegistry(), new ConnectionRegistry(),
                new DeliveryCounters(), new DrainSignal(), Clock.systemUTC()));
        for (String name : channel.pipeline().names()) {
            if (channel.pipeline().context(name) != null && !name.equals(EdgeServer.DECODER)) {
                channel.pipeline().remove(name);
            }
        }
        List<byte[]> chunks = edge.chunksFed();
        for (int i = 0; i < chunks.size(); i++) {
            channel.writeInbound(Unpooled.wrappedBuffer(chunks.get(i)));
            Object msg;
            while ((msg = channel.readInbound()) != null) {
                packets.add(new Decoded((MqttMessage) msg, i));
            }
        }
        channel.finishAndReleaseAll();
    }

    List<Decoded> packets() {
        return packets;
    }

    @Override
    public void close() {
        packets.forEach(p -> ReferenceCountUtil.release(p.message()));
    }
}
