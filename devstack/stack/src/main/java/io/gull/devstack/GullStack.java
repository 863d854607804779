package io.gull.devstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Gull's local stack: Kafka, Cassandra, a Flink cluster running Gull's jobs, and one MQTT edge, each in an OS process
 * of its own (they outlive the JVM that started them). Everything about a running stack is in its data dir: pid files,
 * logs, data, {@code stack.properties}; so any later JVM can see its status or stop it.
 */
public final class GullStack {
    private final StackConfig config;
    private final StackLayout layout;
    private final StackProgress progress;
    private final ProcessSupervisor supervisor;
    private final ServiceStarter starter;
    private final KafkaLauncher kafka;
    private final CassandraLauncher cassandra;
    private final FlinkLauncher flink;
    private final EdgeLauncher edge;
    private final List<ServiceLauncher> services;
    /** Submitting and starting both jobs; generous because the machine may be busy. */
    private static final Duration JOBS_TIMEOUT = Duration.ofSeconds(240);

    private final Object spawnLock = new Object();
    private volatile boolean stopRequested;

    public GullStack(StackConfig config, StackProgress progress) {
        this.config = config;
        this.layout = StackLayout.of(config);
        this.progress = progress;
        this.supervisor = new ProcessSupervisor(JavaCommand.currentJava());
        this.starter = new ServiceStarter(supervisor, progress, spawnLock, () -> stopRequested);
        this.kafka = new KafkaLauncher(config, layout);
        this.cassandra = new CassandraLauncher(config, layout);
        this.flink = new FlinkLauncher(config, layout);
        this.edge = new EdgeLauncher(config, layout);
        this.services = List.of(kafka, cassandra, flink, edge);
    }

    /**
     * Starts every service in order (Kafka, topics, Cassandra, schema, Flink, jobs, edge), each once the previous one
     * is ready. Checks every port and build output first. On failure stops what it started and throws.
     *
     * @throws StackException with a message for the user: a port in use, a missing build, a service that failed
     */
    public void start() {
        synchronized (spawnLock) {
            stopRequested = false;
        }
        List<String> live = services.stream()
                .flatMap(s -> supervisor.running(s.name(), layout.pidFile(s.name()))
                        .map(p -> s.name() + " pid " + p.pid()).stream())
                .collect(Collectors.toList());
        if (!live.isEmpty()) {
            throw new StackException("Gull is already running from " + config.dataDir() + " (" + String.join(", ", live)
                    + "); see it with ./gull status, start a stopped service with ./gull start <service>,"
                    + " or stop everything with ./gull down");
        }
        requirePortsFree(services);
        services.forEach(this::requireArtifacts);
        StackProperties.write(config);
        long begin = System.nanoTime();
        List<ServiceLauncher> started = new ArrayList<>();
        try {
            for (ServiceLauncher service : services) {
                starter.start(service);
                started.add(service);
                afterStart(service);
            }
        } catch (RuntimeException e) {
            progress.step("Start-up failed; stopping what was started");
            Collections.reverse(started);
            for (ServiceLauncher service : started) {
                try {
                    stop(service);
                } catch (RuntimeException stopFailure) {
                    e.addSuppressed(stopFailure);
                }
            }
            throw e;
        }
        progress.step(ServiceStarter.label("Gull") + "up (" + ServiceStarter.seconds(System.nanoTime() - begin) + ")");
    }

    /**
     * Stops every service this data dir has a live pid file for, in reverse order. Safe when nothing runs, and while
     * {@link #start()} runs in another thread (e.g. from a Ctrl-C hook): that start spawns nothing more and fails.
     */
    public void stop() {
        synchronized (spawnLock) {
            stopRequested = true;
        }
        List<ServiceLauncher> reversed = new ArrayList<>(services);
        Collections.reverse(reversed);
        boolean any = false;
        StackException failure = null;
        for (ServiceLauncher service : reversed) {
            try {
                any |= stop(service);
            } catch (StackException e) {
                // keep stopping the others; report every failure at the end
                any = true;
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        if (!any) {
            progress.step("Nothing to stop: no Gull process runs from " + config.dataDir());
        }
    }

    /** One line per service: whether it runs, its pid, its endpoint, and a remark. */
    public List<ServiceStatus> status() {
        return new StackStatusReader(config, layout, supervisor).read(services);
    }

    /**
     * Starts one service (and what belongs to it: topics for Kafka, the schema for Cassandra, the jobs for Flink).
     * Does nothing when it already runs.
     *
     * @param name {@code kafka}, {@code cassandra}, {@code flink} or {@code edge}
     */
    public void startService(String name) {
        ServiceLauncher service = service(name);
        synchronized (spawnLock) {
            stopRequested = false;
        }
        Optional<ProcessHandle> running = supervisor.running(service.name(), layout.pidFile(service.name()));
        if (running.isPresent()) {
            progress.step(ServiceStarter.label(service.displayName()) + "already running (pid " + running.get().pid() + ")");
            return;
        }
        requirePortsFree(List.of(service));
        requireArtifacts(service);
        if (StackProperties.read(config.dataDir()).isEmpty()) {
            StackProperties.write(config);
        }
        starter.start(service);
        try {
            afterStart(service);
        } catch (RuntimeException e) {
            try {
                stop(service);
            } catch (RuntimeException stopFailure) {
                e.addSuppressed(stopFailure);
            }
            throw e;
        }
    }

    /** Stops one service if it runs. */
    public void stopService(String name) {
        ServiceLauncher service = service(name);
        if (!stop(service)) {
            progress.step(ServiceStarter.label(service.displayName()) + "not running");
        }
    }

    /** Where clients reach this stack. */
    public Endpoints endpoints() {
        return Endpoints.of(config);
    }

    private void afterStart(ServiceLauncher service) {
        if (service == kafka) {
            List<String> created = new TopicsInitializer(kafka.bootstrap()).ensureTopics();
            progress.step(ServiceStarter.label("Kafka topics") + (created.isEmpty() ? "all present"
                    : "created " + String.join(", ", created)));
        } else if (service == cassandra) {
            List<Integer> applied = new CassandraSchema(config.connectHost(), config.cassandraPort(), config.keyspace())
                    .apply();
            progress.step(ServiceStarter.label("CQL schema") + "keyspace " + config.keyspace()
                    + (applied.isEmpty() ? " up to date" : ", applied migrations " + applied));
        } else if (service == flink) {
            new FlinkJobSubmitter(flink.rest(), layout.flinkJobsJar(), FlinkJobSubmitter.programArgs(config),
                    FlinkJobRecords.of(layout), progress, JOBS_TIMEOUT, layout.logFile(FlinkLauncher.NAME))
                    .submitAll();
        }
    }

    /** Returns whether something was running. */
    private boolean stop(ServiceLauncher service) {
        String label = ServiceStarter.label(service.displayName());
        Optional<ProcessHandle> running = supervisor.running(service.name(), layout.pidFile(service.name()));
        if (running.isEmpty()) {
            return false;
        }
        progress.step(label + "stopping (pid " + running.get().pid() + ") ...");
        Optional<ProcessSupervisor.StopResult> result =
                supervisor.stop(service.name(), layout.pidFile(service.name()), service.stopGrace());
        result.ifPresent(r -> progress.step(label + (r.graceful()
                ? "stopped (" + ServiceStarter.seconds(r.took().toNanos()) + ")"
                : "did not stop within " + service.stopGrace().toSeconds() + " s; killed (pid " + r.pid() + ")")));
        return true;
    }

    private ServiceLauncher service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new StackException("Unknown service '" + name + "'; the services are "
                        + services.stream().map(ServiceLauncher::name).collect(Collectors.joining(", "))));
    }

    private void requireArtifacts(ServiceLauncher service) {
        StackLayout.requireArtifacts(service.artifacts());
        if (service == flink) {
            StackLayout.requireArtifacts(List.of(layout.flinkJobsJar()));
        }
    }

    /** Checks every port before anything starts, and names each one in use. */
    private static void requirePortsFree(List<ServiceLauncher> toStart) {
        List<String> taken = new ArrayList<>();
        for (ServiceLauncher service : toStart) {
            for (ServiceLauncher.PortUse use : service.ports()) {
                if (!PortCheck.isFree(use.host(), use.port())) {
                    taken.add("Port " + use.port() + " (" + use.what() + ") is already in use");
                }
            }
        }
        if (!taken.isEmpty()) {
            throw new StackException(String.join("; ", taken) + ". Stop whatever uses "
                    + (taken.size() == 1 ? "it" : "them") + " (e.g. another Gull started from another data dir;"
                    + " ss -ltnp shows who listens) or choose other ports (./gull up --help lists the port options).");
        }
    }
}
