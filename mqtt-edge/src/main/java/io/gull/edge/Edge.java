package io.gull.edge;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.gull.edge.kafka.KafkaBackend;
import io.gull.edge.mqtt.AddressThrottle;
import io.gull.edge.mqtt.ClientRegistry;
import io.gull.edge.mqtt.ConnectionRegistry;
import io.gull.edge.mqtt.DeliveryCounters;
import io.gull.edge.mqtt.ConnectionServices;
import io.gull.edge.mqtt.DrainSignal;
import io.gull.edge.mqtt.EdgeEvents;
import io.gull.edge.mqtt.EdgeServer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;

/** A running edge: Kafka side started first, then the MQTT listener. {@link #close()} stops it gracefully. */
public final class Edge implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Edge.class);

    private final EdgeConfig config;
    private final KafkaBackend kafka;
    private final ClientRegistry registry;
    private final EdgeServer server;
    private final DrainSignal drain;
    private boolean closed;

    private Edge(EdgeConfig config, KafkaBackend kafka, ClientRegistry registry, EdgeServer server,
                 DrainSignal drain) {
        this.config = config;
        this.kafka = kafka;
        this.registry = registry;
        this.server = server;
        this.drain = drain;
    }

    /**
     * Starts an edge: waits for Kafka, creates the inbox, makes sure no live edge has its id, starts heartbeats
     * and the inbox reader, binds the MQTT port, then logs
     * {@code Gull edge <id> listening on <host>:<port>}.
     *
     * @throws java.net.BindException when the MQTT port cannot be bound
     * @throws io.gull.edge.kafka.EdgeIdInUseException when another running edge has this edge id
     * @throws InterruptedException   when the calling thread is interrupted while waiting for Kafka
     */
    public static Edge start(EdgeConfig config) throws Exception {
        EdgeServer.checkPortFree(config.mqttHost(), config.mqttPort());
        ConnectionRegistry connections = new ConnectionRegistry();
        KafkaBackend kafka = KafkaBackend.start(config, connections, Clock.systemUTC());
        ClientRegistry registry = new ClientRegistry();
        DrainSignal drain = new DrainSignal();
        ConnectionServices services = new ConnectionServices(config, kafka.auth(), kafka.ingress(),
                kafka.sessions(), registry, connections, new DeliveryCounters(), drain, Clock.systemUTC(),
                new AddressThrottle(config.addressLimit(), Clock.systemUTC()));
        EdgeServer server;
        try {
            server = EdgeServer.bind(services);
        } catch (Exception e) {
            kafka.close();
            throw e;
        }
        Edge edge = new Edge(config, kafka, registry, server, drain);
        InetSocketAddress address = server.address();
        kafka.heartbeats().mqttAddress(address.getHostString() + ":" + address.getPort());
        log.info("Gull edge {} listening on {}:{}", config.edgeId(), address.getHostString(), address.getPort());
        return edge;
    }

    /** The bound MQTT address (the real port when {@code mqtt.port=0}). */
    public InetSocketAddress mqttAddress() {
        return server.address();
    }

    public int connectedClients() {
        return registry.size();
    }

    /**
     * Graceful stop, within {@code shutdown.timeout-ms} as a whole: no new connections or sessions, no more
     * reading (the drain signal keeps every connection paused); waits for Kafka to acknowledge what was
     * received so those PUBACKs still go out; then tells clients (5.0: DISCONNECT 0x8B), closes them, the
     * listener and the Kafka clients, each step within what is left of the one deadline
     * ({@link ShutdownBudget}).
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        ShutdownBudget budget = new ShutdownBudget(config.shutdownTimeout(), System::nanoTime);
        log.info("Gull edge {} stopping (at most {} ms)", config.edgeId(), config.shutdownTimeout().toMillis());
        drain.start();
        server.stopAccepting();
        for (Channel channel : registry.all()) {
            channel.eventLoop().execute(() -> channel.config().setAutoRead(false));
        }
        try {
            kafka.flushIngress(budget.forKafkaAcks());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("Interrupted while waiting for Kafka acks; closing at once");
        }
        List<ChannelFuture> closing = new ArrayList<>();
        for (Channel channel : registry.all()) {
            channel.eventLoop().execute(() -> channel.pipeline().fireUserEventTriggered(EdgeEvents.SERVER_SHUTTING_DOWN));
            closing.add(channel.closeFuture());
        }
        long deadline = System.nanoTime() + budget.halfOfRemaining().toNanos();
        for (ChannelFuture closed : closing) {
            closed.awaitUninterruptibly(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
        server.close(budget.halfOfRemaining());
        kafka.close(budget.remaining());
        log.info("Gull edge {} stopped", config.edgeId());
    }
}
