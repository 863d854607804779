package io.gull.cli.send;

import java.time.Duration;
import java.util.UUID;

import io.gull.cli.CommandContext;
import io.gull.cli.connect.ConnectionOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gull send <deviceId> <topic> <payload> [--qos] [--expiry] [--response-topic] [--correlation-data]}. */
@Command(name = "send", mixinStandardHelpOptions = true,
        description = {"Send a command to a device: a message on an MQTT topic, written to Kafka topic gull.commands "
                + "(key = device id). The device gets it on whichever edge it is connected to; while its persistent "
                + "session is offline, a QoS 1 or 2 command waits in the session until it expires.",
                "The device receives it if it subscribed to the topic (or a filter matching it)."},
        footer = {"", "Examples:", "  ./gull send dev1 devices/dev1/cmd reboot",
                "  ./gull send dev1 devices/dev1/cmd '{\"led\":\"on\"}' --qos 2 --expiry 15m",
                "  ./gull send dev1 devices/dev1/cmd status \\",
                "      --response-topic apps/console/replies --correlation-data req-42"})
public final class SendCommand implements Runnable {
    @Mixin
    CommandContext command;

    @Mixin
    ConnectionOptions connection;

    @Parameters(index = "0", paramLabel = "<deviceId>", description = "The device (its MQTT client id).")
    String deviceId;

    @Parameters(index = "1", paramLabel = "<topic>", description = "MQTT topic name (no wildcards).")
    String topic;

    @Parameters(index = "2", paramLabel = "<payload>", description = "The payload, sent as UTF-8 text.")
    String payload;

    @Option(names = "--qos", paramLabel = "0|1|2", defaultValue = "1",
            description = "QoS of the delivery (default: ${DEFAULT-VALUE}); QoS 0 is never queued.")
    int qos;

    @Option(names = "--expiry", paramLabel = "DURATION", defaultValue = "1h", converter = DurationConverter.class,
            description = "How long the command waits for an offline device: 30s, 15m, 1h, 7d (default: "
                    + "${DEFAULT-VALUE}).")
    Duration expiry;

    @Option(names = "--response-topic", paramLabel = "T",
            description = "MQTT 5 response topic: where the device should answer.")
    String responseTopic;

    @Option(names = "--correlation-data", paramLabel = "S",
            description = "MQTT 5 correlation data (as text) that the device returns with its answer.")
    String correlationData;

    @Override
    public void run() {
        CommandRecords.Request request = new CommandRecords.Request(deviceId, topic, payload, qos, expiry,
                responseTopic, correlationData);
        io.gull.schemas.avro.Command record = command.validInput(
                () -> CommandRecords.create(request, command.clock().instant(), UUID.randomUUID()));
        new CommandWriter(connection.resolve().kafka()).write(record);
        command.printf("%s%n", confirmation(record));
    }

    /** What the user reads once Kafka has the command. */
    static String confirmation(io.gull.schemas.avro.Command record) {
        String sent = "sent command " + record.getCommandId() + " to " + record.getDeviceId() + " ("
                + record.getTopic() + ", QoS " + record.getQos() + "); ";
        return record.getQos() == 0
                ? sent + "delivered only if the device is connected (QoS 0 is never queued)"
                : sent + "delivered when the device is connected, queued while its session is offline until "
                        + record.getExpiresAt();
    }
}
