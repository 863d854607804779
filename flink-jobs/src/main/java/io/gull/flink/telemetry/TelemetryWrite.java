package io.gull.flink.telemetry;

import java.util.List;

import com.datastax.oss.driver.api.core.cql.BoundStatement;

import io.gull.schemas.avro.Publish;

/** One message's statements, written (and retried, or dead-lettered) together. */
record TelemetryWrite(Publish publish, List<BoundStatement> statements) {
}
