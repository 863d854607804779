package io.gull.edge.mqtt;

import java.util.concurrent.CompletionStage;

import io.gull.schemas.avro.AuthDecision;
import io.gull.schemas.avro.AuthRequest;

/**
 * Checks a device's credentials. The edge does not check them itself: the Kafka implementation asks the
 * Flink device-auth job. The stage completes exceptionally when no decision arrives in time.
 */
public interface Authenticator {
    CompletionStage<AuthDecision> authenticate(AuthRequest request);
}
