package io.gull.cli.devices;

import io.gull.cli.CommandContext;
import io.gull.cli.connect.ConnectionOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code gull devices remove <id>}: writes a tombstone for the device. */
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = "Remove a device (a tombstone in gull.devices): it can no longer connect.",
        footer = {"", "Example:", "  ./gull devices remove dev1"})
public final class DevicesRemoveCommand implements Runnable {
    @Mixin
    CommandContext command;

    @Mixin
    ConnectionOptions connection;

    @Parameters(index = "0", paramLabel = "<id>", description = "Device id.")
    String deviceId;

    @Override
    public void run() {
        command.validInput(() -> DeviceIds.validate(deviceId));
        new DeviceRegistryWriter(connection.resolve().kafka()).remove(deviceId);
        command.printf("Device %s removed.%n", deviceId);
    }
}
