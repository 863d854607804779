package io.gull.flink.routing;

import io.gull.schemas.avro.Subscription;

/** One subscription of one client that matched a topic (before merging per client). */
public record Subscriber(String clientId, Subscription subscription) {
}
