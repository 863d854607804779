package io.gull.cli.stack;

import java.io.PrintWriter;
import java.net.URI;

import io.gull.devstack.EdgeEndpoint;
import io.gull.devstack.Endpoints;
import io.gull.devstack.StackConfig;

/** What {@code gull up} prints once the stack is ready: the endpoints (every edge) and a copy-paste quickstart. */
final class UpBanner {
    private UpBanner() {
    }

    static void print(PrintWriter out, Endpoints endpoints, StackConfig config, boolean detached) {
        out.println();
        out.println("Gull is up. Endpoints:");
        boolean several = endpoints.edges().size() > 1;
        for (EdgeEndpoint edge : endpoints.edges()) {
            out.printf("  MQTT           %s%s%n", edge.mqtt(), several ? "  (" + edge.edgeId() + ")" : "");
        }
        out.printf("  Kafka          %s%n", endpoints.kafkaBootstrap());
        out.printf("  Cassandra CQL  %s%n", endpoints.cassandraContactPoint());
        out.printf("  Flink web UI   %s%n", endpoints.flinkRestUrl());
        out.printf("  Data dir       %s%n", config.dataDir());
        if (config.allowAnonymous()) {
            out.println("  Anonymous      allowed (--allow-anonymous): devices may connect without credentials");
        }
        int port = URI.create(endpoints.mqtt()).getPort();
        out.println();
        out.println("Try it:");
        out.println("  ./gull devices add dev1 --password pw");
        out.printf("  mosquitto_pub -h localhost -p %d -q 1 -i dev1 -u dev1 -P pw -t devices/dev1/temp -m 21.5%n",
                port);
        out.println("  ./gull query telemetry dev1");
        out.println();
        if (detached) {
            out.println("Gull keeps running in the background; stop it with ./gull down (./gull status shows it).");
        } else {
            out.println("Press Ctrl-C to stop every Gull process.");
        }
        out.flush();
    }
}
