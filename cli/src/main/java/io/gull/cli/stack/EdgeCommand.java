package io.gull.cli.stack;

import io.gull.cli.CommandContext;
import io.gull.devstack.EdgeEndpoint;
import io.gull.schemas.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gull edge --id <id> --mqtt-port <port>}: one more edge for the running local stack. */
@Command(name = "edge", mixinStandardHelpOptions = true,
        description = {"Start one more MQTT edge against the stack running from this data dir: a service of its own, "
                + "edge-<id>, that ./gull status shows, ./gull stop edge-<id> stops and ./gull down stops with the "
                + "rest. It lets devices in without credentials when the stack's edges do (--allow-anonymous).",
                "It refuses an id that an edge of this data dir runs with (two edges must never read one inbox) and "
                        + "a port in use. An up does not start it again: after ./gull up, run ./gull edge again."},
        footer = {"", "Example:", "  ./gull up -d", "  ./gull edge --id e2 --mqtt-port 1884",
                "  mosquitto_sub -p 1884 -i sub1 -u sub1 -P pw -t 'devices/#' -v"})
public final class EdgeCommand implements Runnable {
    @Mixin
    CommandContext command;

    @Mixin
    DataDirOption dataDir;

    @Option(names = "--id", required = true, paramLabel = "ID",
            description = "The edge id (1-200 characters of A-Z a-z 0-9 . _ -); its inbox is Kafka topic "
                    + "gull.edge.<id> and its service name edge-<id>.")
    String edgeId;

    @Option(names = "--mqtt-port", required = true, paramLabel = "PORT", description = "Its MQTT port, e.g. 1884.")
    int mqttPort;

    @Override
    public void run() {
        command.validInput(() -> {
            Topics.edgeInbox(edgeId);
            return PortOptions.valid(mqttPort, mqttPort, "--mqtt-port");
        });
        EdgeEndpoint edge = dataDir.stack(new ConsoleProgress(command.out(), command.clock())).addEdge(edgeId, mqttPort);
        command.printf("Edge %s is up on %s (service %s). ./gull status shows it; ./gull stop %s stops it.%n",
                edge.edgeId(), edge.mqtt(), edge.service(), edge.service());
    }
}
