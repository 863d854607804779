package io.gull.cli.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.gull.cli.connect.HostPort;
import io.gull.devstack.GullStack;
import io.gull.devstack.StackConfig;

/**
 * One real Kafka broker (the devstack's, Gull's topics created) per test JVM, on free ports in a temp data dir: only
 * Kafka, no Cassandra, Flink or edge. It starts on first use (10-30 s) and stops when the JVM exits. Tests that use it
 * are skipped when the devstack's Kafka server is not built ({@code devstack/kafka-server/target/lib}), e.g. in a
 * fresh clone before {@code ./mvnw package}.
 */
public final class RealKafka {
    private static RealKafka instance;

    private final HostPort bootstrap;

    private RealKafka(HostPort bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** The broker of this JVM, started now if it is not yet. */
    public static synchronized RealKafka get() {
        if (instance == null) {
            Path installDir = installDir();
            assumeTrue(Files.isDirectory(installDir.resolve("devstack/kafka-server/target/lib")),
                    "devstack/kafka-server is not built (./mvnw -DskipTests package); skipping the Kafka tests");
            int[] ports = freePorts(6);
            Path dataDir;
            try {
                dataDir = Files.createTempDirectory("gull-cli-kafka-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            StackConfig config = StackConfig.defaults(installDir, dataDir)
                    .withPorts(ports[0], ports[1], ports[2], ports[3], ports[4], ports[5]);
            GullStack stack = new GullStack(config, message -> System.out.println("[kafka for tests] " + message));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stack.stopService("kafka");
                deleteRecursively(dataDir);
            }, "gull-cli-test-kafka-stop"));
            stack.startService("kafka");
            instance = new RealKafka(new HostPort(config.connectHost(), config.kafkaPort()));
        }
        return instance;
    }

    public HostPort bootstrap() {
        return bootstrap;
    }

    private static Path installDir() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("devstack/stack/pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the Gull checkout above " + Path.of("").toAbsolutePath());
    }

    private static int[] freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0);
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find free ports", e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // closing a listening socket we own does not fail in practice
                }
            }
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp dir is harmless
        }
    }
}
