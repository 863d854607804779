package io.gull.cli.connect;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.NoNodeAvailableException;
import com.datastax.oss.driver.api.core.servererrors.CoordinatorException;

import io.gull.cli.CliException;

/** Translates driver failures of a running statement into one-line messages. */
public final class CqlErrors {
    private CqlErrors() {
    }

    /** A {@link CliException} for {@code e}; the server's own message for CQL errors (syntax, unknown table...). */
    public static CliException translate(DriverException e, HostPort address) {
        if (e instanceof NoNodeAvailableException || e instanceof AllNodesFailedException) {
            return new CliException(Reachability.unreachable("Cassandra", address), e);
        }
        if (e instanceof DriverTimeoutException) {
            return new CliException("Cassandra at " + address + " did not answer in time: " + e.getMessage(), e);
        }
        if (e instanceof CoordinatorException) {
            return new CliException(e.getMessage(), e);
        }
        return new CliException("Cassandra at " + address + ": " + e.getMessage(), e);
    }
}
