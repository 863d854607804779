package io.gull.devstack.flink;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.client.JobStatusMessage;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Flink session cluster (JobManager with REST API and web UI, one TaskManager) in this JVM. Jobs are submitted to
 * it over REST ({@code POST /jars/upload}, {@code POST /jars/<id>/run}) as on a real cluster.
 *
 * <pre>java [Flink's JDK 17 --add-opens flags] -cp classes:lib/* io.gull.devstack.flink.FlinkClusterMain
 *      --data-dir D --rest-port 8081 --bind-host 127.0.0.1 --slots 4</pre>
 *
 * Runs until SIGTERM. Exits 1 with a one-line reason when the REST port is taken or the cluster cannot start
 * (a half-started cluster would otherwise keep the JVM alive forever).
 */
public final class FlinkClusterMain {
    private static final Logger LOG = LoggerFactory.getLogger(FlinkClusterMain.class);

    private FlinkClusterMain() {
    }

    public static void main(String[] argv) {
        FlinkClusterArgs args;
        try {
            args = FlinkClusterArgs.parse(argv);
        } catch (IllegalArgumentException e) {
            System.err.println("Flink: " + e.getMessage());
            System.err.println(FlinkClusterArgs.USAGE);
            System.exit(2);
            return;
        }
        if (!portFree(args.bindHost(), args.restPort())) {
            LOG.error("Flink: port {} (Flink REST/web UI) on {} is already in use; stop whatever uses it or choose"
                    + " another port", args.restPort(), args.bindHost());
            System.exit(1);
            return;
        }
        MiniCluster cluster;
        try {
            Files.createDirectories(args.dataDir());
            Configuration conf = FlinkClusterConfiguration.of(args);
            cluster = new MiniCluster(new MiniClusterConfiguration.Builder()
                    .setConfiguration(conf)
                    .setNumTaskManagers(1)
                    .setNumSlotsPerTaskManager(args.slots())
                    .build());
            cluster.start();
        } catch (Exception e) {
            LOG.error("Flink: the cluster failed to start: {}", e.toString(), e);
            Runtime.getRuntime().halt(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(cluster), "flink-shutdown"));
        LOG.info("Gull Flink cluster ready, REST API and web UI on {} ({} slots), data in {}",
                cluster.getRestAddress().join(), args.slots(), args.dataDir());
        awaitTermination();
    }

    /** Parks the main thread; SIGTERM runs the shutdown hook, which stops the cluster, and the JVM exits. */
    private static void awaitTermination() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Cancels the running jobs first and waits for them (their tasks close while their classloaders still exist, and
     * their retained checkpoints stay for the next start), then closes the cluster.
     */
    private static void stop(MiniCluster cluster) {
        LOG.info("Flink cluster shutting down");
        try {
            List<JobID> running = new ArrayList<>();
            for (JobStatusMessage job : cluster.listJobs().get(5, TimeUnit.SECONDS)) {
                if (!job.getJobState().isGloballyTerminalState()) {
                    running.add(job.getJobId());
                    cluster.cancelJob(job.getJobId());
                }
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            for (JobID job : running) {
                cluster.requestJobResult(job).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            if (!running.isEmpty()) {
                LOG.info("Cancelled {} job(s); their last checkpoints are kept", running.size());
            }
        } catch (Exception e) {
            LOG.warn("Could not cancel every job before shutting down: {}", e.toString());
        }
        try {
            cluster.closeAsync().get(20, TimeUnit.SECONDS);
            LOG.info("Flink cluster stopped");
        } catch (Exception e) {
            LOG.warn("Flink cluster did not stop cleanly within 20 s: {}", e.toString());
        }
    }

    private static boolean portFree(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
