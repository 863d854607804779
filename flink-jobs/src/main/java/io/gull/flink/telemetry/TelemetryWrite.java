package io.gull.flink.telemetry;

import com.datastax.oss.driver.api.core.cql.BoundStatement;

import io.gull.schemas.avro.Publish;

/** One row of a message (telemetry_by_device or latest_by_device), written, retried or dead-lettered on its own. */
record TelemetryWrite(Publish publish, BoundStatement statement) {
}
