package io.gull.bench;

/**
 * What one target (Mosquitto or Gull) did in one scenario.
 *
 * @param target            "mosquitto" or "gull"
 * @param ratePerSecond     the rate asked for (messages or commands per second)
 * @param achievedRate      messages sent per second over the measured window
 * @param measuredSeconds   length of the measured window (warm-up excluded)
 * @param sent              messages sent, warm-up included
 * @param expected          deliveries expected (sent times the receivers of each message), warm-up included
 * @param latency           latencies of the measured deliveries
 * @param missing           expected deliveries that never arrived (within the drain time)
 * @param receiversMissingSome how many receivers (subscribers, devices) missed at least one message
 * @param duplicates        deliveries of a message the receiver had already got
 * @param publishErrors     sends that failed (refused PUBACK, Kafka error)
 * @param maxGeneratorLagMs how far behind its schedule the generator fell at worst (large = the numbers measure the
 *                          generator, not the broker)
 * @param generatorCpuPercent CPU the generator's JVM used while sending and draining, in % of one core (it shares the
 *                          cores with the target; -1 when unknown)
 */
public record TargetResult(String target, double ratePerSecond, double achievedRate, double measuredSeconds,
                           long sent, long expected, LatencySummary latency, long missing, long receiversMissingSome,
                           long duplicates, long publishErrors, double maxGeneratorLagMs, double generatorCpuPercent) {
}
