package io.gull.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Gull's local stack: Kafka, Cassandra, a Flink cluster running Gull's jobs, and one or more MQTT edges, each in an OS
 * process of its own (they outlive the JVM that started them). Everything about a running stack is in its data dir: pid
 * files, logs, data, {@code stack.properties} (endpoints and edges); so any later JVM can see its status or stop it.
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
    /** Kafka, Cassandra, Flink: the servers every stack has once; the edges come after them. */
    private final List<ServiceLauncher> servers;
    /** Submitting and starting both jobs; generous because the machine may be busy. */
    private static final Duration JOBS_TIMEOUT = Duration.ofSeconds(240);
    /** Taking a savepoint of a job's state; generous for the same reason. */
    private static final Duration SAVEPOINT_TIMEOUT = Duration.ofSeconds(180);

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
        this.servers = List.of(kafka, cassandra, flink);
    }

    /**
     * Starts every service in order (Kafka, topics, Cassandra, schema, Flink, jobs, then each edge), each once the
     * previous one is ready. Checks every port and build output first. On failure stops what it started and throws.
     *
     * @throws StackException with a message for the user: a port in use, a missing build, a service that failed
     */
    public void start() {
        synchronized (spawnLock) {
            stopRequested = false;
        }
        Map<String, ServiceLauncher> everyKnown = new LinkedHashMap<>();
        services().forEach(s -> everyKnown.put(s.name(), s));
        List<ServiceLauncher> toStart = new ArrayList<>(servers);
        toStart.addAll(edgeLaunchers(config.edges(), kafka.bootstrap()));
        toStart.forEach(s -> everyKnown.putIfAbsent(s.name(), s));
        List<String> live = everyKnown.values().stream()
                .flatMap(s -> supervisor.running(s.name(), layout.pidFile(s.name()))
                        .map(p -> s.name() + " pid " + p.pid()).stream())
                .collect(Collectors.toList());
        if (!live.isEmpty()) {
            throw new StackException("Gull is already running from " + config.dataDir() + " (" + String.join(", ", live)
                    + "); see it with ./gull status, start a stopped service with ./gull start <service>,"
                    + " or stop everything with ./gull down");
        }
        requirePortsFree(toStart);
        toStart.forEach(this::requireArtifacts);
        StackProperties.write(config);
        long begin = System.nanoTime();
        List<ServiceLauncher> started = new ArrayList<>();
        try {
            for (ServiceLauncher service : toStart) {
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
     * Stops every service this data dir has a live pid file for, in reverse order (the edges first, also those added
     * with {@link #addEdge}). Safe when nothing runs, and while {@link #start()} runs in another thread (e.g. from a
     * Ctrl-C hook): that start spawns nothing more and fails.
     */
    public void stop() {
        synchronized (spawnLock) {
            stopRequested = true;
        }
        List<ServiceLauncher> reversed = new ArrayList<>(services());
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

    /** One line per service (Kafka, Cassandra, Flink, then every edge): whether it runs, its pid, endpoint, remark. */
    public List<ServiceStatus> status() {
        return new StackStatusReader(config, layout, supervisor).read(services());
    }

    /**
     * Starts one service (and what belongs to it: topics for Kafka, the schema for Cassandra, the jobs for Flink).
     * Does nothing when it already runs. An edge starts again with the id, port and settings it was recorded with.
     *
     * @param name {@code kafka}, {@code cassandra}, {@code flink}, {@code edge}, or another edge's service name
     *             ({@code edge-2}, {@code edge-<id>})
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

    /**
     * Kills one service at once, as {@code kill -9} would (no graceful stop: an edge sends no last words, Flink takes
     * no savepoint), e.g. to see how the others cope; {@link #startService} brings it back.
     */
    public void killService(String name) {
        ServiceLauncher service = service(name);
        String label = ServiceStarter.label(service.displayName());
        Optional<Long> killed = supervisor.kill(service.name(), layout.pidFile(service.name()));
        progress.step(label + killed.map(pid -> "killed (pid " + pid + ")").orElse("not running"));
    }

    /** The process id of a running service (to pause it, or to read its CPU time), empty when it does not run. */
    public Optional<Long> pid(String name) {
        ServiceLauncher service = service(name);
        return supervisor.running(service.name(), layout.pidFile(service.name())).map(ProcessHandle::pid);
    }

    /**
     * Starts one more edge against the stack running from this data dir: service {@code edge-<edgeId>}, recorded in
     * {@code stack.properties} so that {@link #status()}, {@link #stopService}, {@link #startService} and
     * {@link #stop()} know it. It lets devices in without credentials when the stack's first edge does.
     *
     * @return where devices reach it
     * @throws StackException when the stack's Kafka does not run, the id is taken by an edge of this data dir, the port
     *                        is in use, or the edge fails to start (then it is forgotten again)
     */
    public EdgeEndpoint addEdge(String edgeId, int mqttPort) {
        synchronized (spawnLock) {
            stopRequested = false;
        }
        LocalEdge.requireValidId(edgeId);
        Optional<StackProperties> record = StackProperties.read(config.dataDir());
        if (record.isEmpty() || supervisor.running(kafka.name(), layout.pidFile(kafka.name())).isEmpty()) {
            throw new StackException("Gull's Kafka is not running from " + config.dataDir()
                    + "; an added edge joins a running stack: start it first with ./gull up -d");
        }
        List<LocalEdge> known = record.get().edges();
        boolean allowAnonymous = !known.isEmpty() && known.get(0).allowAnonymous();
        LocalEdge edge = LocalEdge.added(edgeId, mqttPort, allowAnonymous);
        new AddedEdgeCheck(known, service -> supervisor.running(service, layout.pidFile(service))).require(edge);
        String bootstrap = record.get().endpoints().kafkaBootstrap();
        EdgeLauncher launcher = new EdgeLauncher(config, layout, edge, bootstrap);
        if (!PortCheck.isFree(config.bindHost(), mqttPort)) {
            throw new StackException("Port " + mqttPort + " (MQTT of " + edgeId + ") is already in use; choose another"
                    + " MQTT port (ss -ltnp shows who listens)");
        }
        requireArtifacts(launcher);
        record.get().withEdge(edge, config.connectHost()).save(config.dataDir());
        try {
            starter.start(launcher);
        } catch (RuntimeException e) {
            StackProperties.read(config.dataDir())
                    .ifPresent(current -> current.withoutEdge(edge.service()).save(config.dataDir()));
            throw e;
        }
        return new EdgeEndpoint(edge.service(), edge.edgeId(), launcher.endpoint());
    }

    /**
     * Rescales one of Gull's Flink jobs without losing its state: stops it with a savepoint (Flink REST
     * {@code POST /jobs/<id>/stop}, no drain) into {@code flink/savepoints/} of the data dir, then submits it again
     * from that savepoint at {@code parallelism}, with the code it ran (the jar the cluster has). Sessions,
     * subscriptions, queued and retained messages and the device registry carry over. The data dir remembers the new
     * job, its savepoint and its parallelism, so that later starts ({@code gull up}, {@code gull start flink}) resume
     * it at that parallelism from its newest checkpoint. The other job runs on undisturbed; while the job is stopped
     * (seconds), what the edges send waits in Kafka. Also restarts a job at the parallelism it has, and resubmits a
     * job that ended (from its savepoint or newest checkpoint). Uses the Flink and Kafka endpoints the stack recorded.
     *
     * @param jobName     {@code gull-sessions} or {@code gull-telemetry} (also {@code sessions}, {@code telemetry})
     * @param parallelism 1 to {@value JobRescale#MAX_PARALLELISM}, within the cluster's free task slots
     * @return the savepoint, the stopped and the new job
     * @throws StackException when Flink does not run from this data dir, the name or parallelism is bad, the cluster
     *                        lacks the slots (nothing is stopped then), the savepoint fails (the job keeps running)
     *                        or the new job does not start (the data dir can still resume it from the savepoint)
     */
    public JobRescale rescaleJob(String jobName, int parallelism) {
        JobName job;
        try {
            job = JobName.of(jobName);
            JobRescale.requireParallelism(parallelism);
        } catch (IllegalArgumentException e) {
            throw new StackException(e.getMessage(), e);
        }
        if (supervisor.running(flink.name(), layout.pidFile(flink.name())).isEmpty()) {
            throw new StackException("Gull's Flink is not running from " + config.dataDir() + "; start it first with"
                    + " ./gull up -d or ./gull start flink");
        }
        Optional<StackProperties> recorded = StackProperties.read(config.dataDir());
        Endpoints endpoints = recorded.map(StackProperties::endpoints).orElse(Endpoints.of(config));
        String keyspace = recorded.flatMap(StackProperties::keyspace).orElse(config.keyspace());
        FlinkRestClient rest = new FlinkRestClient(endpoints.flinkRestUrl());
        if (!rest.isUp()) {
            throw new StackException("Gull's Flink runs but its REST API at " + endpoints.flinkRestUrl()
                    + " does not answer; see " + layout.logFile(FlinkLauncher.NAME));
        }
        FlinkJobRecords records = FlinkJobRecords.of(layout);
        Path flinkLog = layout.logFile(FlinkLauncher.NAME);
        FlinkJobSubmitter submitter = new FlinkJobSubmitter(rest, layout.flinkJobsJar(),
                FlinkJobSubmitter.programArgs(endpoints.kafkaBootstrap(), endpoints.cassandraContactPoint(), keyspace),
                records, progress, JOBS_TIMEOUT, flinkLog, JobRestore.RESUME);
        return new JobRescaler(rest, records, submitter, layout.serviceDataDir(FlinkLauncher.NAME).resolve("savepoints"),
                progress, SAVEPOINT_TIMEOUT, flinkLog).rescale(job, parallelism);
    }

    /** Where clients reach this stack: the config's servers, and every edge of the data dir (or of the config). */
    public Endpoints endpoints() {
        return Endpoints.of(config, knownEdges());
    }

    /** Kafka, Cassandra, Flink, then the edges this data dir knows. */
    private List<ServiceLauncher> services() {
        List<ServiceLauncher> all = new ArrayList<>(servers);
        all.addAll(edgeLaunchers(knownEdges(), recordedKafka()));
        return all;
    }

    /** The edges recorded by the last start (and {@link #addEdge}); before any start, the config's. */
    private List<LocalEdge> knownEdges() {
        try {
            return StackProperties.read(config.dataDir()).map(StackProperties::edges).filter(e -> !e.isEmpty())
                    .orElse(config.edges());
        } catch (StackException unreadable) {
            return config.edges();
        }
    }

    private String recordedKafka() {
        try {
            return StackProperties.read(config.dataDir()).map(r -> r.endpoints().kafkaBootstrap())
                    .orElse(kafka.bootstrap());
        } catch (StackException unreadable) {
            return kafka.bootstrap();
        }
    }

    private List<EdgeLauncher> edgeLaunchers(List<LocalEdge> edges, String kafkaBootstrap) {
        return edges.stream().map(e -> new EdgeLauncher(config, layout, e, kafkaBootstrap)).toList();
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
                    FlinkJobRecords.of(layout), progress, JOBS_TIMEOUT, layout.logFile(FlinkLauncher.NAME),
                    config.jobRestore())
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
        List<ServiceLauncher> services = services();
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
