package io.gull.bench;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "commands", mixinStandardHelpOptions = true,
        description = "Command round trip: application -> device (Gull: through gull.commands) -> reply over MQTT -> application.")
final class CommandsCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;
    @Mixin
    LoadOptions load;

    @Option(names = "--baseline-only", description = "Run only against Mosquitto (no Gull needed).")
    boolean baselineOnly;

    @Option(names = "--devices", defaultValue = "10", description = "Devices, spread over the edges (default: ${DEFAULT-VALUE}).")
    int devices;

    @Option(names = "--gull-devices-subscribe", description = "Gull devices also subscribe to their command topic "
            + "(off: Gull delivers commands to the device's session without a subscription).")
    boolean gullDevicesSubscribe;

    @Override
    public Integer call() throws Exception {
        return new ScenarioRunner(common.runOptions(baselineOnly)).run(new CommandsScenario(load.toSpec(100, 5, 30), devices, gullDevicesSubscribe));
    }
}
