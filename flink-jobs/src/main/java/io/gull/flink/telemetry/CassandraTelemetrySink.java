package io.gull.flink.telemetry;

import java.io.IOException;
import java.io.InterruptedIOException;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

import com.datastax.oss.driver.api.core.CqlSession;

import io.gull.flink.kafka.DeadLetterProducer;
import io.gull.schemas.avro.Publish;

/**
 * Telemetry into Cassandra, at least once: one driver session per writer, the schema migrated at start-up,
 * prepared asynchronous inserts with a bounded number in flight, transient errors retried with backoff
 * (backpressure while Cassandra is away), messages Cassandra rejects for their data sent to gull.deadletter
 * (through Kafka at {@code deadLetterBootstrap}), everything acknowledged before a checkpoint completes.
 */
public final class CassandraTelemetrySink implements Sink<Publish> {
    private static final long serialVersionUID = 1L;

    private final CassandraSinkConfig config;
    private final String deadLetterBootstrap;

    public CassandraTelemetrySink(CassandraSinkConfig config, String deadLetterBootstrap) {
        this.config = config;
        this.deadLetterBootstrap = deadLetterBootstrap;
    }

    @Override
    public SinkWriter<Publish> createWriter(WriterInitContext context) throws IOException {
        CqlSession session;
        try {
            session = CassandraSessions.open(config);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while connecting to Cassandra");
        }
        DeadLetterProducer deadLetters;
        try {
            deadLetters = new DeadLetterProducer(deadLetterBootstrap,
                    "gull-telemetry-deadletter-" + context.getTaskInfo().getIndexOfThisSubtask());
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
        return new CassandraTelemetryWriter(config, session, deadLetters, SinkMetrics.of(context.metricGroup()));
    }
}
