package io.gull.bench;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Something the ingest scenario publishes into: an MQTT broker (Mosquitto, Gull's edge) or Kafka itself. */
public interface IngestTarget extends AutoCloseable {
    /** "mosquitto", "gull-edge", "kafka-raw": the row's name in the report. */
    String name();

    /** Gets ready for up to {@code connections} connections (MQTT: connects them all; Kafka: creates its topic). */
    void open(int connections) throws Exception;

    /** One QoS 1 publish (or produce) on one connection; completes on its PUBACK (or the producer's ack). */
    CompletableFuture<?> publish(int connection);

    /** The server processes whose CPU the report shows for this target. */
    List<ServerProcess> servers();

    @Override
    void close();
}
