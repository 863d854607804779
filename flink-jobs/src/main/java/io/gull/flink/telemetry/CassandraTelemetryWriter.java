package io.gull.flink.telemetry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * Writes each message to telemetry_by_device at once, and the newest message of each (device, topic) to
 * latest_by_device at each {@link #flush} (or when {@value #MAX_LATEST_WAITING} of them wait): one latest_by_device
 * write per device and topic per checkpoint instead of one per message ({@link LatestRows}). A message Cassandra
 * rejects for its own data (or that cannot be bound) goes to gull.deadletter with the reason; other errors fail the
 * job. {@link #flush}
 * (called before every checkpoint barrier and at end of input) returns only when Cassandra acknowledged every write
 * and Kafka every dead letter, so a completed checkpoint implies both are durable; replays after a failure rewrite
 * the same primary keys.
 */
final class CassandraTelemetryWriter implements SinkWriter<Publish> {
    private static final Logger LOG = LoggerFactory.getLogger(CassandraTelemetryWriter.class);
    /** Waiting latest_by_device writes (distinct device and topic) that are sent before the next flush. */
    static final int MAX_LATEST_WAITING = 10_000;

    private final CqlSession session;
    private final TelemetryStatements statements;
    private final BoundedAsyncWriter<TelemetryWrite> writes;
    private final DeadLetterProducer deadLetters;
    private final SinkMetrics metrics;
    private final LatestRows latest = new LatestRows();

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
        TelemetryRow row;
        BoundStatement telemetry;
        BoundStatement newest;
        try {
            row = TelemetryRow.from(publish);
            telemetry = statements.telemetry(row);
            newest = statements.latest(row);
        } catch (RuntimeException e) {
            // the values themselves cannot be bound (out of range, say): no write of this message can succeed
            deadLetter(publish, "cannot bind for Cassandra: " + e);
            return;
        }
        writes.submit(new TelemetryWrite(publish, telemetry));
        latest.offer(row.deviceId(), row.topic(), new TelemetryWrite(publish, newest), row.writeTimeMicros());
        if (latest.size() >= MAX_LATEST_WAITING) {
            submitLatest();
        }
    }

    @Override
    public void flush(boolean endOfInput) throws IOException, InterruptedException {
        submitLatest();
        writes.awaitAll();
        deadLetterRejected();
        deadLetters.flush();
    }

    private void submitLatest() throws IOException, InterruptedException {
        for (TelemetryWrite write : latest.drain()) {
            writes.submit(write);
        }
    }

    /** One row; a retry rewrites it, idempotently. */
    private CompletionStage<?> execute(TelemetryWrite write) {
        return session.executeAsync(write.statement()).thenRun(() -> metrics.rowsWritten().inc());
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
