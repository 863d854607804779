package io.gull.cli.devices;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.RecordMetadata;

import io.gull.cli.CommandContext;
import io.gull.cli.connect.ConnectionOptions;
import io.gull.schemas.avro.DeviceRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gull devices add <id> --password <pw> [--tenant T] [--meta k=v]...}. */
@Command(name = "add", mixinStandardHelpOptions = true,
        description = {"Add a device, or replace it if the id exists. The device connects over MQTT with client id "
                + "<id>, password <pw> and (optionally) user name <id>. Only a salted hash of the password is stored."},
        footer = {"", "Example:", "  ./gull devices add dev1 --password pw --tenant acme --meta site=lab"})
public final class DevicesAddCommand implements Runnable {
    @Mixin
    CommandContext command;

    @Mixin
    ConnectionOptions connection;

    @Parameters(index = "0", paramLabel = "<id>", description = "Device id = MQTT client id (1-128 characters, "
            + "no whitespace, '+', '#' or '/').")
    String deviceId;

    @Option(names = "--password", required = true, arity = "0..1", interactive = true, paramLabel = "<pw>",
            prompt = "Password for the device: ",
            description = "The device's MQTT password (prompted for when given without a value).")
    String password;

    @Option(names = "--tenant", paramLabel = "T", defaultValue = DeviceRecords.DEFAULT_TENANT,
            description = "Tenant of the device (default: ${DEFAULT-VALUE}).")
    String tenant;

    @Option(names = "--meta", paramLabel = "KEY=VALUE", description = "Metadata entry; repeat for more.")
    Map<String, String> metadata = new LinkedHashMap<>();

    @Override
    public void run() {
        DeviceRecord device = command.validInput(
                () -> DeviceRecords.create(deviceId, password, tenant, metadata, command.clock().instant()));
        RecordMetadata written = new DeviceRegistryWriter(connection.resolve().kafka()).put(device);
        command.printf("Device %s added (tenant %s) to %s partition %d offset %d.%n",
                deviceId, tenant, written.topic(), written.partition(), written.offset());
    }
}
