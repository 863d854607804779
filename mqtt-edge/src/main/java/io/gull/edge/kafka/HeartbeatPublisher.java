package io.gull.edge.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.gull.schemas.AvroCodec;
import io.gull.schemas.Codecs;
import io.gull.schemas.Topics;
import io.gull.schemas.avro.EdgeHeartbeat;
import io.gull.schemas.avro.EdgeState;

/**
 * Tells {@code gull.edges} (key = edge id) that this edge is alive: a RUNNING heartbeat every interval, with a
 * random incarnation per process start, the MQTT address and the number of connections; STOPPED on a graceful
 * stop. The sessions job declares an edge dead when its heartbeats stop; {@link EdgeIdGuard} keeps a second edge
 * from taking an id in use. A failing send is logged once per outage.
 */
public final class HeartbeatPublisher implements AutoCloseable {
    static final AvroCodec<EdgeHeartbeat> CODEC = Codecs.EDGE_HEARTBEAT;
    private static final Logger log = LoggerFactory.getLogger(HeartbeatPublisher.class);

    private final ProducerLane lane;
    private final String edgeId;
    private final String incarnation;
    private final Duration interval;
    private final Clock clock;
    private final IntSupplier connections;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "gull-edge-heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    private volatile String mqttAddress;
    private volatile boolean failing;

    HeartbeatPublisher(Producer<byte[], byte[]> producer, String edgeId, String incarnation, Duration interval,
                       Clock clock, IntSupplier connections, String mqttAddress) {
        this.lane = new ProducerLane("gull-edge-heartbeat-sender", producer);
        this.edgeId = edgeId;
        this.incarnation = incarnation;
        this.interval = interval;
        this.clock = clock;
        this.connections = connections;
        this.mqttAddress = mqttAddress;
    }

    /** Beats now and then every interval. */
    void start() {
        timer.scheduleAtFixedRate(() -> send(EdgeState.RUNNING), 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The bound address, once the listener is up (port 0 resolved). */
    public void mqttAddress(String address) {
        this.mqttAddress = address;
    }

    public String incarnation() {
        return incarnation;
    }

    private java.util.concurrent.CompletableFuture<?> send(EdgeState state) {
        EdgeHeartbeat beat = EdgeHeartbeat.newBuilder()
                .setEdgeId(edgeId)
                .setIncarnation(incarnation)
                .setState(state)
                .setAt(clock.instant())
                .setIntervalMs(interval.toMillis())
                .setMqttAddress(mqttAddress)
                .setConnections(connections.getAsInt())
                .build();
        return lane.send(new ProducerRecord<>(Topics.EDGES, edgeId.getBytes(StandardCharsets.UTF_8),
                CODEC.encode(beat))).whenComplete((metadata, error) -> {
                    if (error != null && !failing) {
                        failing = true;
                        log.warn("Heartbeats cannot be written to {} ({}); the sessions job may declare this edge "
                                + "dead until they are", Topics.EDGES, error.toString());
                    } else if (error == null && failing) {
                        failing = false;
                        log.info("Heartbeats are written to {} again", Topics.EDGES);
                    }
                });
    }

    /** Graceful stop: no more RUNNING, one STOPPED, waiting at most {@code timeout} for Kafka to store it. */
    void stop(Duration timeout) {
        timer.shutdownNow();
        try {
            send(EdgeState.STOPPED).get(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.info("The STOPPED heartbeat was not stored ({}); the sessions job notices the silence instead",
                    e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        lane.close();
    }
}
