package io.gull.flink.telemetry;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks the configured local datacenter against the ones Cassandra's nodes report. With a wrong name the driver
 * connects but has no node to send queries to, and every write fails with NoNodeAvailableException, naming nothing.
 */
final class LocalDatacenter {
    private LocalDatacenter() {
    }

    /**
     * @throws IllegalStateException naming {@code localDc} and the datacenters there are, when no node is in it
     */
    static void require(String localDc, Collection<String> nodeDatacenters) {
        if (nodeDatacenters.contains(localDc)) {
            return;
        }
        Set<String> known = new TreeSet<>();
        nodeDatacenters.stream().filter(Objects::nonNull).forEach(known::add);
        throw new IllegalStateException("local DC " + localDc + " not found; Cassandra's nodes are in " + known
                + ". Set --cassandra.local-dc to one of them.");
    }
}
