package io.gull.flink.telemetry;

import java.io.IOException;

import org.apache.flink.api.connector.sink2.SinkWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;

import io.gull.schemas.CqlMigrator;
import io.gull.schemas.CqlSchemaConfig;
import io.gull.schemas.avro.Publish;

/**
 * Writes each message to telemetry_by_device and latest_by_device. {@link #flush} (called before every
 * checkpoint barrier and at end of input) returns only when Cassandra acknowledged every write, so a completed
 * checkpoint implies the rows are durable; replays after a failure rewrite the same primary keys.
 */
final class CassandraTelemetryWriter implements SinkWriter<Publish> {
    private static final Logger LOG = LoggerFactory.getLogger(CassandraTelemetryWriter.class);

    private final CqlSession session;
    private final TelemetryStatements statements;
    private final BoundedAsyncWriter<BoundStatement> writes;

    CassandraTelemetryWriter(CassandraSinkConfig config) throws InterruptedException {
        this.session = CassandraSessions.open(config);
        try {
            new CqlMigrator(session, CqlSchemaConfig.singleNode(config.keyspace())).migrate();
            this.statements = new TelemetryStatements(session, config.keyspace());
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
        this.writes = new BoundedAsyncWriter<>(session::executeAsync, config,
                new OutageLog(config.contactPointsText()));
        LOG.info("Telemetry sink writing to keyspace {} at {} with at most {} writes in flight",
                config.keyspace(), config.contactPointsText(), config.maxInFlight());
    }

    @Override
    public void write(Publish publish, Context context) throws IOException, InterruptedException {
        for (BoundStatement statement : statements.bind(TelemetryRow.from(publish))) {
            writes.submit(statement);
        }
    }

    @Override
    public void flush(boolean endOfInput) throws IOException, InterruptedException {
        writes.awaitAll();
    }

    @Override
    public void close() {
        writes.close();
        session.close();
    }
}
