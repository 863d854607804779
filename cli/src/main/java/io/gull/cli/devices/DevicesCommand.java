package io.gull.cli.devices;

import io.gull.cli.SubcommandRequired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gull devices add|remove|list}: the device registry (compacted Kafka topic {@code gull.devices}). */
@Command(name = "devices", mixinStandardHelpOptions = true,
        description = "Provision devices in the registry (Kafka topic gull.devices).",
        subcommands = {DevicesAddCommand.class, DevicesRemoveCommand.class, DevicesListCommand.class})
public final class DevicesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        SubcommandRequired.fail(spec);
    }
}
