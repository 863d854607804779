package io.gull.cli.devices;

import io.gull.cli.CliEnvironment;
import io.gull.cli.connect.ConnectionOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gull devices remove <id>}: writes a tombstone for the device. */
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = "Remove a device (a tombstone in gull.devices): it can no longer connect.",
        footer = {"", "Example:", "  ./gull devices remove dev1"})
public final class DevicesRemoveCommand implements Runnable {
    private final CliEnvironment environment;

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Parameters(index = "0", paramLabel = "<id>", description = "Device id.")
    String deviceId;

    DevicesRemoveCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public void run() {
        try {
            DeviceIds.validate(deviceId);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        new DeviceRegistryWriter(connection.resolve(environment).kafka()).remove(deviceId);
        spec.commandLine().getOut().printf("Device %s removed.%n", deviceId);
        spec.commandLine().getOut().flush();
    }
}
