package io.gull.flink.telemetry;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * The telemetry sink's counters, per writer: {@value #ROWS_WRITTEN} (rows Cassandra acknowledged, two per message),
 * {@value #RETRIES} (statement executions retried after a transient error) and {@value #DEAD_LETTERED} (messages
 * sent to gull.deadletter because Cassandra rejected their data).
 */
record SinkMetrics(Counter rowsWritten, Counter retries, Counter deadLettered) {
    static final String ROWS_WRITTEN = "cassandraRowsWritten";
    static final String RETRIES = "cassandraWriteRetries";
    static final String DEAD_LETTERED = "deadLetteredRecords";

    static SinkMetrics of(MetricGroup group) {
        return new SinkMetrics(group.counter(ROWS_WRITTEN), group.counter(RETRIES), group.counter(DEAD_LETTERED));
    }
}
