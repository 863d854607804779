package io.gull.cli.query;

import java.util.function.Function;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;

import io.gull.cli.CliException;
import io.gull.cli.connect.CassandraSessions;
import io.gull.cli.connect.Connections;
import io.gull.cli.connect.CqlErrors;
import io.gull.cli.output.ResultTable;

/** Opens a session, runs one piece of work with it, closes it, and turns driver failures into one-line errors. */
final class CassandraCall {
    private CassandraCall() {
    }

    /** One of {@link TelemetryQueries} on Gull's keyspace; a missing table gets the hint that the stack creates it. */
    static ResultTable telemetry(Connections connections, Function<TelemetryQueries, ResultTable> query) {
        return run(connections, true,
                session -> query.apply(new TelemetryQueries(session, connections.keyspace())));
    }

    /**
     * @param schemaHint added to "unconfigured table / keyspace does not exist" errors, e.g. to say the stack creates
     *                   the schema
     */
    static <T> T run(Connections connections, boolean schemaHint, Function<CqlSession, T> work) {
        try (CqlSession session = CassandraSessions.open(connections)) {
            return work.apply(session);
        } catch (InvalidQueryException e) {
            if (schemaHint) {
                throw new CliException(e.getMessage() + " \u2014 Gull's tables are created when the stack starts "
                        + "(./gull up -d); is --keyspace right?", e);
            }
            throw CqlErrors.translate(e, connections.cassandra());
        } catch (DriverException e) {
            throw CqlErrors.translate(e, connections.cassandra());
        }
    }
}
