package io.gull.flink.telemetry;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.apache.flink.metrics.Counter;

/**
 * Runs asynchronous writes with at most {@code maxInFlight} outstanding, retrying transient failures with
 * exponential backoff until they succeed. {@link #submit} blocks while the limit is reached (backpressure);
 * {@link #awaitAll} returns once every submitted write is acknowledged or rejected. A write rejected for its own
 * data ({@link WriteErrors#isPerRecord}) is kept for {@link #drainRejected} (to be dead-lettered) and the others go
 * on; any other non-transient failure is kept and thrown from the next {@code submit}/{@code awaitAll}.
 *
 * @param <S> what is written (a bound statement)
 */
final class BoundedAsyncWriter<S> implements AutoCloseable {
    private static final long POLL_MILLIS = 100;

    private final Function<S, CompletionStage<?>> executor;
    private final CassandraSinkConfig config;
    private final OutageLog outages;
    private final Semaphore permits;
    private final ScheduledExecutorService retryTimer;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Queue<Rejected<S>> rejected = new ConcurrentLinkedQueue<>();
    private final Counter retries;

    BoundedAsyncWriter(Function<S, CompletionStage<?>> executor, CassandraSinkConfig config, OutageLog outages,
            Counter retries) {
        this.executor = executor;
        this.config = config;
        this.outages = outages;
        this.retries = retries;
        this.permits = new Semaphore(config.maxInFlight());
        this.retryTimer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "gull-cassandra-retry");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts one write; blocks while {@code maxInFlight} writes are outstanding. */
    void submit(S statement) throws IOException, InterruptedException {
        throwIfFailed();
        while (!permits.tryAcquire(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
            throwIfFailed();
        }
        attempt(statement, 0);
    }

    /** Blocks until Cassandra acknowledged (or rejected, see {@link #drainRejected}) every submitted write. */
    void awaitAll() throws IOException, InterruptedException {
        int all = config.maxInFlight();
        while (!permits.tryAcquire(all, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
            throwIfFailed();
        }
        permits.release(all);
        throwIfFailed();
    }

    /** The writes Cassandra rejected for their own data since the last call, with the error. */
    List<Rejected<S>> drainRejected() {
        List<Rejected<S>> out = new ArrayList<>();
        for (Rejected<S> next = rejected.poll(); next != null; next = rejected.poll()) {
            out.add(next);
        }
        return out;
    }

    int inFlight() {
        return config.maxInFlight() - permits.availablePermits();
    }

    private void attempt(S statement, int retry) {
        CompletionStage<?> result;
        try {
            result = executor.apply(statement);
        } catch (RuntimeException e) {
            completed(statement, retry, e);
            return;
        }
        result.whenComplete((ignored, error) -> completed(statement, retry, error));
    }

    private void completed(S statement, int retry, Throwable error) {
        if (error == null) {
            outages.success();
            permits.release();
        } else if (TransientErrors.isTransient(error) && failure.get() == null) {
            retries.inc();
            outages.transientFailure(TransientErrors.unwrap(error));
            try {
                retryTimer.schedule(() -> attempt(statement, retry + 1),
                        config.backoff(retry).toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException closed) {
                permits.release();
            }
        } else if (WriteErrors.isPerRecord(error)) {
            rejected.add(new Rejected<>(statement, TransientErrors.unwrap(error))); // before the permit: see awaitAll
            permits.release();
        } else {
            failure.compareAndSet(null, TransientErrors.unwrap(error));
            permits.release();
        }
    }

    private void throwIfFailed() throws IOException {
        Throwable error = failure.get();
        if (error != null) {
            throw new IOException("Cassandra rejected a telemetry write with a non-retriable error ("
                    + error.getClass().getSimpleName() + ": " + error.getMessage()
                    + "); fix the cause (schema, keyspace, permissions) and restart the job", error);
        }
    }

    /** A write Cassandra rejected for its own data, and why. */
    record Rejected<S>(S write, Throwable error) {
    }

    @Override
    public void close() {
        retryTimer.shutdownNow();
    }
}
