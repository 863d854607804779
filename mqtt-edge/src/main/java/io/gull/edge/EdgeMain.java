package io.gull.edge;

import java.net.BindException;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.gull.edge.kafka.EdgeIdInUseException;

/**
 * Command line of the edge: {@code io.gull.edge.EdgeMain --edge-id=edge-1 --mqtt.host=127.0.0.1
 * --mqtt.port=1883 --kafka.bootstrap=127.0.0.1:9092 [--key=value ...]}. Exit codes: 0 after a graceful
 * stop (SIGTERM), 1 when the edge cannot start (e.g. MQTT port in use), 2 for a bad command line.
 */
public final class EdgeMain {
    private static final Logger log = LoggerFactory.getLogger(EdgeMain.class);

    private EdgeMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.out.print(EdgeConfigParser.usage());
            return 0;
        }
        EdgeConfig config;
        try {
            config = EdgeConfigParser.parse(args);
        } catch (EdgeConfigParser.ConfigException e) {
            System.err.println("gull edge: " + e.getMessage());
            System.err.print(EdgeConfigParser.usage());
            return 2;
        }
        Thread mainThread = Thread.currentThread();
        AtomicBoolean stopRequested = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopRequested.set(true);
            mainThread.interrupt(); // aborts the wait for Kafka, or wakes the running edge's main thread
            try {
                finished.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "gull-edge-shutdown"));
        try {
            return runUntilStopped(config, stopRequested);
        } finally {
            finished.countDown();
        }
    }

    private static int runUntilStopped(EdgeConfig config, AtomicBoolean stopRequested) {
        Edge edge;
        try {
            edge = Edge.start(config);
        } catch (InterruptedException e) {
            log.info("Gull edge {} stopped before it was ready", config.edgeId());
            return 0;
        } catch (BindException | EdgeIdInUseException e) {
            log.error("Gull edge {} cannot start: {}", config.edgeId(), e.getMessage());
            return 1;
        } catch (Exception e) {
            log.error("Gull edge {} cannot start: {}", config.edgeId(), e.toString(), e);
            return 1;
        }
        while (!stopRequested.get()) {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                // the shutdown hook sets stopRequested before interrupting
            }
        }
        Thread.interrupted(); // clear a pending interrupt so the graceful stop can wait
        try {
            edge.close();
        } catch (Exception e) {
            log.warn("Stopping gull edge {} failed: {}", config.edgeId(), e.toString());
        }
        return 0;
    }
}
