package io.gull.flink.telemetry;

import java.util.regex.Pattern;

import com.datastax.oss.driver.api.core.connection.FrameTooLongException;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;

/**
 * Which non-transient Cassandra errors are caused by one record, so that record goes to the dead-letter topic and
 * the job goes on: Cassandra rejected the statement's values ({@link InvalidQueryException}, which in Cassandra 5
 * includes a mutation larger than its maximum size), or the driver could not send them ({@link FrameTooLongException}).
 * An invalid query that names missing schema (table, keyspace, column) affects every write, so it is not per record;
 * neither is anything else (authentication, authorisation, syntax, protocol): those fail the job.
 */
public final class WriteErrors {
    private static final Pattern SCHEMA_PROBLEM = Pattern.compile(
            "(?i).*(unconfigured table|does not exist|undefined column|unknown identifier|no keyspace).*",
            Pattern.DOTALL);

    private WriteErrors() {
    }

    public static boolean isPerRecord(Throwable error) {
        Throwable e = TransientErrors.unwrap(error);
        if (e instanceof FrameTooLongException) {
            return true;
        }
        if (e instanceof InvalidQueryException) {
            String message = e.getMessage();
            return message == null || !SCHEMA_PROBLEM.matcher(message).matches();
        }
        return false;
    }
}
