package io.gull.devstack.kafka;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Properties;

import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/**
 * A single-node Kafka (KRaft broker + controller) in this JVM, for {@code ./gull up} and the tests.
 *
 * <pre>java -cp classes:lib/* io.gull.devstack.kafka.KafkaServerMain --data-dir D --host 127.0.0.1 --port 9092
 *      --controller-port 9093 --node-id 1</pre>
 *
 * Runs until SIGTERM, then shuts the broker down cleanly. Exits 1 with a one-line reason on bad arguments,
 * a taken port or a storage that cannot be formatted.
 */
public final class KafkaServerMain {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaServerMain.class);

    private KafkaServerMain() {
    }

    public static void main(String[] argv) {
        KafkaServerArgs args;
        try {
            args = KafkaServerArgs.parse(argv);
        } catch (IllegalArgumentException e) {
            System.err.println("Kafka: " + e.getMessage());
            System.err.println(KafkaServerArgs.USAGE);
            System.exit(2);
            return;
        }
        try {
            run(args);
        } catch (StartupException e) {
            LOG.error("Kafka: {}", e.getMessage());
            System.exit(1);
        }
    }

    private static void run(KafkaServerArgs args) {
        // a broker that fails to bind halts the JVM without a word: check the ports first
        requireFree(args.host(), args.port(), "Kafka broker");
        requireFree(args.host(), args.controllerPort(), "Kafka controller");
        Exit.setHaltProcedure((status, message) -> {
            LOG.error("Kafka halted the process (status {}): {}", status, message);
            Runtime.getRuntime().halt(status);
        });

        Properties props = KafkaServerProperties.of(args);
        try {
            new KafkaStorage(args.dataDir()).prepare(props);
        } catch (IOException | RuntimeException e) {
            throw new StartupException("cannot prepare storage in " + args.dataDir() + ": " + e.getMessage());
        }

        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Kafka shutting down");
            server.shutdown();
            server.awaitShutdown();
            LOG.info("Kafka stopped");
        }, "kafka-shutdown"));
        try {
            server.startup();
        } catch (RuntimeException e) {
            throw new StartupException("broker failed to start: " + e);
        }
        LOG.info("Gull Kafka listening on {}:{} (controller {}), data in {}",
                args.host(), args.port(), args.controllerPort(), args.dataDir());
        server.awaitShutdown();
    }

    private static void requireFree(String host, int port, String what) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new StartupException("port " + port + " (" + what + ") on " + host
                    + " is already in use or cannot be bound (" + e.getMessage() + "); stop whatever uses it"
                    + " or choose another port");
        }
    }

    /** A start-up failure with a message meant for the user. */
    private static final class StartupException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StartupException(String message) {
            super(message);
        }
    }
}
