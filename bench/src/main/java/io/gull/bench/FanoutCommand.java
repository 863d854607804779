package io.gull.bench;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "fanout", mixinStandardHelpOptions = true,
        description = "Fan-out: 1 publisher on edge A, S subscribers to one topic spread over all edges.")
final class FanoutCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;
    @Mixin
    LoadOptions load;

    @Option(names = "--baseline-only", description = "Run only against Mosquitto (no Gull needed).")
    boolean baselineOnly;

    @Option(names = "--subscribers", defaultValue = "1000", description = "Subscribers (default: ${DEFAULT-VALUE}).")
    int subscribers;

    @Option(names = "--connect-rate", defaultValue = "500", description = "Subscriber connects per second at most (default: ${DEFAULT-VALUE}).")
    double connectRate;

    @Override
    public Integer call() throws Exception {
        return new ScenarioRunner(common.runOptions(baselineOnly)).run(new FanoutScenario(load.toSpec(10, 5, 30), subscribers, connectRate));
    }
}
