package io.gull.edge.mqtt;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The MQTT listener: one Netty server channel and the pipeline of every connection, one named handler
 * per concern: {@value #IDLE} (connect timeout, later keep-alive), {@value #DECODER} (with the maximum
 * packet size), {@value #ENCODER}, {@value #CONNECT} (first packet), later {@value #SESSION}.
 */
public final class EdgeServer implements AutoCloseable {
    public static final String IDLE = "idle";
    public static final String DECODER = "decoder";
    public static final String ENCODER = "encoder";
    public static final String CONNECT = "connect";
    public static final String SESSION = "session";

    private static final Logger log = LoggerFactory.getLogger(EdgeServer.class);

    private final EventLoopGroup bossGroup;
    private final EventLoopGroup workerGroup;
    private final Channel serverChannel;

    private EdgeServer(EventLoopGroup bossGroup, EventLoopGroup workerGroup, Channel serverChannel) {
        this.bossGroup = bossGroup;
        this.workerGroup = workerGroup;
        this.serverChannel = serverChannel;
    }

    /**
     * Binds the MQTT port.
     *
     * @throws BindException when the address is in use or cannot be assigned; the message names it
     */
    public static EdgeServer bind(ConnectionServices services) throws BindException, InterruptedException {
        String host = services.config().mqttHost();
        int port = services.config().mqttPort();
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("gull-edge-accept"),
                NioIoHandler.newFactory());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(services.config().ioThreads(),
                new DefaultThreadFactory("gull-edge-io"), NioIoHandler.newFactory());
        try {
            ServerBootstrap bootstrap = new ServerBootstrap()
                    .group(boss, workers)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(32 * 1024, 64 * 1024))
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            configure(channel.pipeline(), services);
                        }
                    });
            Channel channel = bootstrap.bind(host, port).sync().channel();
            return new EdgeServer(boss, workers, channel);
        } catch (Exception e) {
            boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            workers.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            if (e instanceof InterruptedException ie) {
                throw ie;
            }
            BindException bind = new BindException("cannot listen for MQTT on " + host + ":" + port + ": "
                    + e.getMessage() + " (is the port already in use? choose another with --mqtt.port=...)");
            bind.initCause(e);
            throw bind;
        }
    }

    /**
     * Fails fast, before the edge waits for Kafka, when the MQTT port is already taken. The probe is a
     * bound client socket that never listens, so nobody can mistake it for the edge being ready; with
     * SO_REUSEADDR it ignores TIME_WAIT leftovers but fails on a listener. {@link #bind} still reports the
     * error if the port gets taken in between.
     */
    public static void checkPortFree(String host, int port) throws BindException {
        if (port == 0) {
            return;
        }
        try (Socket probe = new Socket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            BindException bind = new BindException("cannot listen for MQTT on " + host + ":" + port + ": "
                    + e.getMessage() + " (is the port already in use? choose another with --mqtt.port=...)");
            bind.initCause(e);
            throw bind;
        }
    }

    /** The pipeline of a new connection, before CONNECT. */
    public static void configure(ChannelPipeline pipeline, ConnectionServices services) {
        pipeline.addLast(IDLE, idleHandler(services.config().connectTimeout().toMillis()));
        pipeline.addLast(DECODER, new MqttDecoder(services.config().maxPacketSize()));
        pipeline.addLast(ENCODER, MqttEncoder.INSTANCE);
        pipeline.addLast(CONNECT, new ConnectHandler(services));
    }

    /** Fires an {@code IdleStateEvent} when nothing was read for {@code millis}; the handlers close on it. */
    static IdleStateHandler idleHandler(long millis) {
        return new IdleStateHandler(millis, 0, 0, TimeUnit.MILLISECONDS);
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) serverChannel.localAddress();
    }

    /** Stops accepting new connections; existing ones stay. */
    public void stopAccepting() {
        serverChannel.close().awaitUninterruptibly();
    }

    /** Stops every event loop, closing whatever connections are left. */
    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }

    /** Like {@link #close()}, waiting at most {@code timeout} for the event loops to end. */
    public void close(Duration timeout) {
        stopAccepting();
        long millis = Math.max(1, timeout.toMillis());
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        workerGroup.shutdownGracefully(0, millis, TimeUnit.MILLISECONDS).awaitUninterruptibly(millis);
        long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
        bossGroup.shutdownGracefully(0, left, TimeUnit.MILLISECONDS).awaitUninterruptibly(left);
        log.debug("MQTT listener closed");
    }
}
