package io.gull.flink.telemetry;

import java.io.IOException;
import java.io.InterruptedIOException;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

import io.gull.schemas.avro.Publish;

/**
 * Telemetry into Cassandra, at least once: one driver session per writer, the schema migrated at start-up,
 * prepared asynchronous inserts with a bounded number in flight, transient errors retried with backoff
 * (backpressure while Cassandra is away), everything acknowledged before a checkpoint completes.
 */
public final class CassandraTelemetrySink implements Sink<Publish> {
    private static final long serialVersionUID = 1L;

    private final CassandraSinkConfig config;

    public CassandraTelemetrySink(CassandraSinkConfig config) {
        this.config = config;
    }

    @Override
    public SinkWriter<Publish> createWriter(WriterInitContext context) throws IOException {
        try {
            return new CassandraTelemetryWriter(config);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while connecting to Cassandra");
        }
    }
}
