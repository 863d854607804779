package io.gull.flink.telemetry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.apache.flink.api.connector.sink2.SinkWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;

import io.gull.flink.decode.DeadLetter;
import io.gull.flink.kafka.DeadLetterProducer;
import io.gull.schemas.Codecs;
import io.gull.schemas.CqlMigrator;
import io.gull.schemas.CqlSchemaConfig;
import io.gull.schemas.Topics;
import io.gull.schemas.avro.Publish;

/**
 * Writes each message to telemetry_by_device and latest_by_device. A message Cassandra rejects for its own data
 * (or that cannot be bound) goes to gull.deadletter with the reason; other errors fail the job. {@link #flush}
 * (called before every checkpoint barrier and at end of input) returns only when Cassandra acknowledged every write
 * and Kafka every dead letter, so a completed checkpoint implies both are durable; replays after a failure rewrite
 * the same primary keys.
 */
final class CassandraTelemetryWriter implements SinkWriter<Publish> {
    private static final Logger LOG = LoggerFactory.getLogger(CassandraTelemetryWriter.class);

    private final CqlSession session;
    private final TelemetryStatements statements;
    private final BoundedAsyncWriter<TelemetryWrite> writes;
    private final DeadLetterProducer deadLetters;
    private final SinkMetrics metrics;

    /** Takes ownership of {@code session} and {@code deadLetters} (closes them, also when the constructor fails). */
    CassandraTelemetryWriter(CassandraSinkConfig config, CqlSession session, DeadLetterProducer deadLetters,
            SinkMetrics metrics) {
        this.session = session;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        try {
            new CqlMigrator(session, CqlSchemaConfig.singleNode(config.keyspace())).migrate();
            this.statements = new TelemetryStatements(session, config.keyspace());
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        this.writes = new BoundedAsyncWriter<>(this::execute, config, new OutageLog(config.contactPointsText()),
                metrics.retries());
        LOG.info("Telemetry sink writing to keyspace {} at {} with at most {} messages in flight",
                config.keyspace(), config.contactPointsText(), config.maxInFlight());
    }

    @Override
    public void write(Publish publish, Context context) throws IOException, InterruptedException {
        deadLetterRejected();
        List<BoundStatement> bound;
        try {
            bound = statements.bind(TelemetryRow.from(publish));
        } catch (RuntimeException e) {
            // the values themselves cannot be bound (out of range, say): no write of this message can succeed
            deadLetter(publish, "cannot bind for Cassandra: " + e);
            return;
        }
        writes.submit(new TelemetryWrite(publish, bound));
    }

    @Override
    public void flush(boolean endOfInput) throws IOException, InterruptedException {
        writes.awaitAll();
        deadLetterRejected();
        deadLetters.flush();
    }

    /** Both statements at once; the write fails if either does (a retry rewrites both, idempotently). */
    private CompletionStage<?> execute(TelemetryWrite write) {
        CompletableFuture<?>[] results = write.statements().stream()
                .map(statement -> session.executeAsync(statement).toCompletableFuture())
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(results)
                .thenRun(() -> metrics.rowsWritten().inc(results.length));
    }

    private void deadLetterRejected() throws IOException {
        for (BoundedAsyncWriter.Rejected<TelemetryWrite> rejected : writes.drainRejected()) {
            deadLetter(rejected.write().publish(), "rejected by Cassandra: "
                    + rejected.error().getClass().getSimpleName() + ": " + rejected.error().getMessage());
        }
    }

    private void deadLetter(Publish publish, String reason) throws IOException {
        long count = metrics.deadLettered().getCount() + 1;
        if (count <= 10 || count % 1000 == 0) {
            LOG.warn("Sent telemetry message {} of {} to the dead-letter topic ({} so far in this subtask): {}",
                    publish.getMessageId(), publish.getClientId(), count, reason);
        }
        byte[] key = publish.getTopic() == null ? null : publish.getTopic().getBytes(StandardCharsets.UTF_8);
        // the source position is not known here: partition and offset are -1
        deadLetters.send(new DeadLetter(Topics.INGRESS, -1, -1, key, Codecs.PUBLISH.encode(publish), reason));
        metrics.deadLettered().inc();
    }

    @Override
    public void close() {
        if (writes != null) {
            writes.close();
        }
        deadLetters.close();
        session.close();
    }
}
