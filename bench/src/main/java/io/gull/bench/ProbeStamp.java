package io.gull.bench;

/**
 * What a benchmark payload carries: who sent it ({@code source}: publisher, device or command stream index), its
 * sequence number within that source, when it was due to be sent ({@link System#nanoTime()}; sender and receiver
 * share the JVM, hence the clock), and whether it belongs to the warm-up (counted for loss, not for latency).
 */
public record ProbeStamp(int source, long seq, long sentNanos, boolean warmup) {
}
