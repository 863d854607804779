package io.gull.bench;

/**
 * What the sessions-state scenario measured: the job's checkpointed state before and after creating the sessions.
 *
 * @param bytesPerSession (after.stateSize - before.stateSize) / sessions
 */
public record SessionsStateResult(String target, int sessions, int subscriptionsPerSession, long sessionExpirySeconds,
                                  double connectRate, double seconds, long failed, CheckpointStats before,
                                  CheckpointStats after, Double bytesPerSession, long targetBytesPerSession) {
}
