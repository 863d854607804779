package io.gull.flink.telemetry;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.connection.BusyConnectionException;
import com.datastax.oss.driver.api.core.connection.ClosedConnectionException;
import com.datastax.oss.driver.api.core.connection.HeartbeatException;
import com.datastax.oss.driver.api.core.servererrors.BootstrappingException;
import com.datastax.oss.driver.api.core.servererrors.OverloadedException;
import com.datastax.oss.driver.api.core.servererrors.TruncateException;
import com.datastax.oss.driver.api.core.servererrors.UnavailableException;
import com.datastax.oss.driver.api.core.servererrors.WriteTimeoutException;

/** Which Cassandra errors are worth retrying: the node or cluster is (briefly) unable to answer. */
public final class TransientErrors {
    private TransientErrors() {
    }

    public static boolean isTransient(Throwable error) {
        Throwable e = unwrap(error);
        return e instanceof DriverTimeoutException
                || e instanceof AllNodesFailedException // includes NoNodeAvailableException
                || e instanceof UnavailableException
                || e instanceof WriteTimeoutException
                || e instanceof OverloadedException
                || e instanceof BootstrappingException
                || e instanceof TruncateException
                || e instanceof ClosedConnectionException
                || e instanceof HeartbeatException
                || e instanceof BusyConnectionException;
    }

    public static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
