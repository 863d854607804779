package io.gull.cli.stack;

import io.gull.devstack.StackConfig;
import picocli.CommandLine.Option;

/** {@code --edges N} and {@code --allow-anonymous} of {@code gull up}. */
public final class EdgesOptions {
    @Option(names = "--edges", paramLabel = "N", defaultValue = "1",
            description = "How many edges to start (1-" + StackConfig.MAX_EDGES + ", default: ${DEFAULT-VALUE}): edge n "
                    + "has id edge-n, service name edge (n = 1) or edge-n, and MQTT port --mqtt-port + n - 1.")
    int edges = 1;

    @Option(names = "--allow-anonymous",
            description = "Let devices connect without credentials (as Mosquitto does by default), e.g. for MQTT test "
                    + "suites and tools; they form a tenant of their own. Off by default.")
    boolean allowAnonymous;

    /** {@code config} with these edges. */
    public StackConfig applyTo(StackConfig config) {
        if (edges < 1 || edges > StackConfig.MAX_EDGES) {
            throw new IllegalArgumentException("--edges must be between 1 and " + StackConfig.MAX_EDGES + ", got "
                    + edges);
        }
        return config.withEdges(edges).withAllowAnonymous(allowAnonymous);
    }
}
