package io.gull.devstack.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import io.gull.devstack.StackConfig;

/** Stack configurations for tests: free ports, a fresh temp data dir, this checkout as install dir. */
public final class TestStacks {

    private TestStacks() {
    }

    /** A config on six free ports with a new data dir named after {@code purpose}; keyspace {@code gull}; one edge. */
    public static StackConfig freshConfig(String purpose) {
        return freshConfig(purpose, 1);
    }

    /**
     * A config with {@code edges} edges (ids edge-1 ... edge-n) on consecutive free MQTT ports, the other servers on
     * free ports, and a new data dir named after {@code purpose}; keyspace {@code gull}; credentials required.
     */
    public static StackConfig freshConfig(String purpose, int edges) {
        int[] ports = FreePorts.allocate(5, edges);
        try {
            Path dataDir = Files.createTempDirectory("gull-" + purpose + "-");
            return StackConfig.defaults(InstallDir.find(), dataDir).withEdges(edges).withPorts(ports[0], ports[1],
                    ports[2], ports[3], ports[4], ports[5]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a data dir once nothing runs from it any more. */
    public static void deleteDataDir(Path dataDir) {
        if (!Files.exists(dataDir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dataDir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp dir is harmless
        }
    }
}
