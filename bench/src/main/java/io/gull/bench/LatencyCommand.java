package io.gull.bench;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "latency", mixinStandardHelpOptions = true,
        description = "Publish -> receive latency across edges: N publishers on edge A, one subscriber per topic on edge B.")
final class LatencyCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;
    @Mixin
    LoadOptions load;

    @Option(names = "--baseline-only", description = "Run only against Mosquitto (no Gull needed).")
    boolean baselineOnly;

    @Option(names = "--publishers", defaultValue = "10", description = "Publishers (and subscribers) (default: ${DEFAULT-VALUE}).")
    int publishers;

    @Override
    public Integer call() throws Exception {
        return new ScenarioRunner(common.runOptions(baselineOnly)).run(new LatencyScenario(load.toSpec(1000, 10, 30), publishers));
    }
}
