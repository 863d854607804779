package io.gull.flink;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.gull.flink.routing.RoutingConfig;
import io.gull.flink.session.SessionConfig;

/**
 * The program arguments shared by Gull's Flink jobs. Every option has a default; each is given as
 * {@code --name value} or {@code --name=value}.
 *
 * @param kafkaBootstrap         {@code --kafka.bootstrap host:port[,host:port]} (default 127.0.0.1:9092)
 * @param cassandraContactPoints {@code --cassandra.contact-points host:port[,host:port]} (default 127.0.0.1:9042)
 * @param cassandraLocalDc       {@code --cassandra.local-dc} (default datacenter1)
 * @param cassandraKeyspace      {@code --cassandra.keyspace} (default gull)
 * @param checkpointInterval     {@code --checkpoint.interval-ms} (default 1000)
 * @param checkpointDir          {@code --checkpoint.dir URI}; empty = the cluster's {@code execution.checkpointing.dir}
 * @param parallelism            {@code --parallelism} (default 1)
 * @param unknownDeviceGrace     {@code --auth.unknown-device-grace-ms}: how long an auth request for an unknown device
 *                               waits for its registration before UNKNOWN_DEVICE is answered (default 1000)
 * @param maxAuthRequestAge      {@code --auth.max-request-age-ms}: auth requests older than this (by the broker's append
 *                               time) are dropped unanswered, before any hashing (default 300000: longer than a
 *                               job restart, so a replay after a restore reopens the sessions it had opened)
 * @param deliveryMaxInflight    {@code --delivery.max-inflight}: QoS 1/2 deliveries per session sent and not yet
 *                               acknowledged (default 100; the client's Receive Maximum lowers it)
 * @param sessionMaxQueued       {@code --session.max-queued}: messages a session queues (default 1000)
 * @param retainedMaxPerSubscribe {@code --retained.max-per-subscribe}: retained messages sent for one new
 *                               subscription at most (default 10000)
 * @param sessionMaxExpiry       {@code --session.max-expiry-s}: cap on any session's expiry in seconds (default
 *                               4294967295 = none: a session asking for "never" never expires)
 * @param edgeDeadAfter          {@code --edge.dead-after-ms}: an edge silent for this long is dead, its connections
 *                               closed abruptly (default 10000)
 */
public record JobArgs(
        String kafkaBootstrap,
        List<InetSocketAddress> cassandraContactPoints,
        String cassandraLocalDc,
        String cassandraKeyspace,
        Duration checkpointInterval,
        Optional<String> checkpointDir,
        int parallelism,
        Duration unknownDeviceGrace,
        Duration maxAuthRequestAge,
        int deliveryMaxInflight,
        int sessionMaxQueued,
        int retainedMaxPerSubscribe,
        long sessionMaxExpiry,
        Duration edgeDeadAfter) {

    /** Session Expiry Interval 0xFFFFFFFF: never expires; the largest value --session.max-expiry-s takes. */
    public static final long NEVER_EXPIRES = 4_294_967_295L;

    public static final String USAGE = String.join(System.lineSeparator(),
            "Options (each --name value or --name=value, all optional):",
            "  --kafka.bootstrap host:port[,host:port]            default 127.0.0.1:9092",
            "  --cassandra.contact-points host:port[,host:port]   default 127.0.0.1:9042",
            "  --cassandra.local-dc NAME                          default datacenter1",
            "  --cassandra.keyspace NAME                          default gull",
            "  --checkpoint.interval-ms N                         default 1000",
            "  --checkpoint.dir URI                               default: the cluster's execution.checkpointing.dir",
            "  --parallelism N                                    default 1",
            "  --auth.unknown-device-grace-ms N                   default 1000",
            "  --auth.max-request-age-ms N                        default 300000",
            "  --delivery.max-inflight N                          default 100 (sessions job)",
            "  --session.max-queued N                             default 1000 (sessions job)",
            "  --retained.max-per-subscribe N                     default 10000 (sessions job)",
            "  --session.max-expiry-s N                           default 4294967295 = no cap (sessions job)",
            "  --edge.dead-after-ms N                             default 10000 (sessions job)");

    public JobArgs {
        if (kafkaBootstrap == null || kafkaBootstrap.isBlank()) {
            throw new IllegalArgumentException("kafka.bootstrap must not be empty");
        }
        cassandraContactPoints = List.copyOf(cassandraContactPoints);
        if (cassandraContactPoints.isEmpty()) {
            throw new IllegalArgumentException("cassandra.contact-points must name at least one host:port");
        }
        if (!cassandraKeyspace.matches("[A-Za-z][A-Za-z0-9_]{0,47}")) {
            throw new IllegalArgumentException(
                    "cassandra.keyspace must be a letter then up to 47 letters, digits or '_': " + cassandraKeyspace);
        }
        if (cassandraLocalDc.isBlank()) {
            throw new IllegalArgumentException("cassandra.local-dc must not be empty");
        }
        if (checkpointInterval.toMillis() < 10) {
            throw new IllegalArgumentException("checkpoint.interval-ms must be at least 10: " + checkpointInterval.toMillis());
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
        }
        if (unknownDeviceGrace.isNegative()) {
            throw new IllegalArgumentException("auth.unknown-device-grace-ms must not be negative");
        }
        if (maxAuthRequestAge.toMillis() < 1) {
            throw new IllegalArgumentException("auth.max-request-age-ms must be at least 1: " + maxAuthRequestAge.toMillis());
        }
        if (deliveryMaxInflight < 1 || deliveryMaxInflight > 65_535) {
            throw new IllegalArgumentException("delivery.max-inflight must be 1-65535: " + deliveryMaxInflight);
        }
        if (sessionMaxQueued < 1) {
            throw new IllegalArgumentException("session.max-queued must be at least 1: " + sessionMaxQueued);
        }
        if (retainedMaxPerSubscribe < 1) {
            throw new IllegalArgumentException("retained.max-per-subscribe must be at least 1: " + retainedMaxPerSubscribe);
        }
        if (sessionMaxExpiry < 0 || sessionMaxExpiry > NEVER_EXPIRES) {
            throw new IllegalArgumentException("session.max-expiry-s must be 0-" + NEVER_EXPIRES + ": " + sessionMaxExpiry);
        }
        if (edgeDeadAfter.toMillis() < 1) {
            throw new IllegalArgumentException("edge.dead-after-ms must be at least 1: " + edgeDeadAfter.toMillis());
        }
    }

    public static JobArgs defaults() {
        return parse(new String[0]);
    }

    /**
     * Parses program arguments.
     *
     * @throws IllegalArgumentException naming the offending option, for an unknown option, a missing or bad value
     */
    public static JobArgs parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new IllegalArgumentException("expected an option like --name value, got '" + arg + "'\n" + USAGE);
            }
            String name;
            String value;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                name = arg.substring(2, eq);
                value = arg.substring(eq + 1);
            } else {
                name = arg.substring(2);
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option --" + name + " needs a value\n" + USAGE);
                }
                value = args[++i];
            }
            if (!Option.NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + "\n" + USAGE);
            }
            if (values.put(name, value) != null) {
                throw new IllegalArgumentException("option --" + name + " given twice");
            }
        }
        return new JobArgs(
                get(values, Option.KAFKA_BOOTSTRAP, "127.0.0.1:9092", s -> requireHostPorts(Option.KAFKA_BOOTSTRAP, s)),
                get(values, Option.CONTACT_POINTS, "127.0.0.1:9042", JobArgs::contactPoints),
                get(values, Option.LOCAL_DC, "datacenter1", Function.identity()),
                get(values, Option.KEYSPACE, "gull", Function.identity()),
                Duration.ofMillis(get(values, Option.CHECKPOINT_INTERVAL, "1000", s -> number(Option.CHECKPOINT_INTERVAL, s))),
                Optional.ofNullable(values.get(Option.CHECKPOINT_DIR)).filter(s -> !s.isBlank()),
                (int) (long) get(values, Option.PARALLELISM, "1", s -> number(Option.PARALLELISM, s)),
                Duration.ofMillis(get(values, Option.GRACE, "1000", s -> number(Option.GRACE, s))),
                Duration.ofMillis(get(values, Option.MAX_REQUEST_AGE, "300000", s -> number(Option.MAX_REQUEST_AGE, s))),
                (int) (long) get(values, Option.MAX_INFLIGHT, "100", s -> number(Option.MAX_INFLIGHT, s)),
                (int) (long) get(values, Option.MAX_QUEUED, "1000", s -> number(Option.MAX_QUEUED, s)),
                (int) (long) get(values, Option.MAX_RETAINED, "10000", s -> number(Option.MAX_RETAINED, s)),
                get(values, Option.MAX_EXPIRY, Long.toString(NEVER_EXPIRES), s -> longNumber(Option.MAX_EXPIRY, s)),
                Duration.ofMillis(get(values, Option.EDGE_DEAD_AFTER, "10000", s -> number(Option.EDGE_DEAD_AFTER, s))));
    }

    /** The routing half's limits (delivery.max-inflight, session.max-queued, retained.max-per-subscribe). */
    public RoutingConfig routingConfig() {
        return new RoutingConfig(deliveryMaxInflight, sessionMaxQueued, retainedMaxPerSubscribe);
    }

    /** The sessions operator's limits. */
    public SessionConfig sessionConfig() {
        return new SessionConfig(unknownDeviceGrace, maxAuthRequestAge, sessionMaxExpiry, edgeDeadAfter);
    }

    private static <T> T get(Map<String, String> values, String name, String fallback, Function<String, T> convert) {
        return convert.apply(values.getOrDefault(name, fallback).trim());
    }

    private static long number(String name, String value) {
        try {
            long n = Long.parseLong(value);
            if (n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("--" + name + " is too large: " + value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, got '" + value + "'", e);
        }
    }

    private static long longNumber(String name, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, got '" + value + "'", e);
        }
    }

    private static String requireHostPorts(String name, String value) {
        for (String part : value.split(",")) {
            hostPort(name, part);
        }
        return value;
    }

    private static List<InetSocketAddress> contactPoints(String value) {
        List<InetSocketAddress> out = new ArrayList<>();
        for (String part : value.split(",")) {
            out.add(hostPort(Option.CONTACT_POINTS, part));
        }
        return out;
    }

    private static InetSocketAddress hostPort(String name, String value) {
        String hostPort = value.trim();
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostPort.length() - 1) {
            throw new IllegalArgumentException("--" + name + " needs host:port entries, got '" + hostPort + "'");
        }
        String host = hostPort.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(hostPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " has a bad port in '" + hostPort + "'", e);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("--" + name + " port must be 1-65535 in '" + hostPort + "'");
        }
        return InetSocketAddress.createUnresolved(host, port);
    }

    /** The option names, as written on the command line without the leading dashes. */
    static final class Option {
        static final String KAFKA_BOOTSTRAP = "kafka.bootstrap";
        static final String CONTACT_POINTS = "cassandra.contact-points";
        static final String LOCAL_DC = "cassandra.local-dc";
        static final String KEYSPACE = "cassandra.keyspace";
        static final String CHECKPOINT_INTERVAL = "checkpoint.interval-ms";
        static final String CHECKPOINT_DIR = "checkpoint.dir";
        static final String PARALLELISM = "parallelism";
        static final String GRACE = "auth.unknown-device-grace-ms";
        static final String MAX_REQUEST_AGE = "auth.max-request-age-ms";
        static final String MAX_INFLIGHT = "delivery.max-inflight";
        static final String MAX_QUEUED = "session.max-queued";
        static final String MAX_RETAINED = "retained.max-per-subscribe";
        static final String MAX_EXPIRY = "session.max-expiry-s";
        static final String EDGE_DEAD_AFTER = "edge.dead-after-ms";
        static final List<String> NAMES = List.of(KAFKA_BOOTSTRAP, CONTACT_POINTS, LOCAL_DC, KEYSPACE,
                CHECKPOINT_INTERVAL, CHECKPOINT_DIR, PARALLELISM, GRACE, MAX_REQUEST_AGE, MAX_INFLIGHT, MAX_QUEUED,
                MAX_RETAINED, MAX_EXPIRY, EDGE_DEAD_AFTER);

        private Option() {
        }
    }
}
