package io.gull.bench;

/**
 * The latest completed checkpoint of a job, from {@code GET /jobs/<id>/checkpoints} ({@code latest.completed}).
 *
 * @param stateSize        {@code state_size}: the full size of the job's state in this checkpoint (with incremental
 *                         RocksDB checkpoints too: every SST file the checkpoint refers to, shared ones included)
 * @param checkpointedSize {@code checkpointed_size}: what this checkpoint wrote (the increment); equal to stateSize for
 *                         a full checkpoint
 */
public record CheckpointStats(long id, long triggerTimestamp, long stateSize, long checkpointedSize) {
}
