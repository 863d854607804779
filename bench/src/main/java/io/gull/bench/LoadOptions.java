package io.gull.bench;

import picocli.CommandLine.Option;

/** The load options every message scenario has; each scenario has its own defaults. */
public final class LoadOptions {
    @Option(names = "--rate", description = "Messages (commands) per second in all (default: per scenario).")
    Double rate;

    @Option(names = "--warmup", description = "Warm-up seconds at the same rate, not measured (default: per scenario).")
    Double warmup;

    @Option(names = "--duration", description = "Measured seconds (default: per scenario).")
    Double duration;

    @Option(names = "--drain", defaultValue = "5", description = "Seconds to wait for deliveries after the last send (default: ${DEFAULT-VALUE}).")
    double drain;

    @Option(names = "--settle", defaultValue = "2", description = "Seconds between the last SUBACK and the first publish (default: ${DEFAULT-VALUE}).")
    double settle;

    @Option(names = "--qos", defaultValue = "1", description = "QoS of publishes and subscriptions (default: ${DEFAULT-VALUE}).")
    int qos;

    @Option(names = "--payload-bytes", defaultValue = "64", description = "Payload size, at least 24 (default: ${DEFAULT-VALUE}).")
    int payloadBytes;

    public LoadSpec toSpec(double defaultRate, double defaultWarmup, double defaultDuration) {
        return new LoadSpec(rate != null ? rate : defaultRate, warmup != null ? warmup : defaultWarmup,
                duration != null ? duration : defaultDuration, drain, settle, qos, payloadBytes);
    }
}
