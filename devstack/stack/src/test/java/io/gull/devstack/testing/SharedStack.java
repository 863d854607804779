package io.gull.devstack.testing;

import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.gull.devstack.Endpoints;
import io.gull.devstack.GullStack;
import io.gull.devstack.StackConfig;

/**
 * One full Gull stack (Kafka, Cassandra, Flink with both jobs, two edges) per test JVM, on free ports in a temp data
 * dir. It starts on first use, which takes a minute or so, and stops when the JVM exits. Each server runs in its own
 * process; their logs are under {@code config().dataDir()/logs}. The edges, {@code edge-1} and {@code edge-2}, let
 * devices connect without credentials ({@code --allow-anonymous}), so tests may use anonymous MQTT clients; a device
 * that gives credentials is still checked against the registry.
 *
 * <pre>{@code
 * SharedStack stack = SharedStack.get();
 * String bootstrap = stack.endpoints().kafkaBootstrap();
 * String edgeA = stack.mqtt(1);                     // edge-1: tcp://127.0.0.1:<port>, a Paho server URI
 * String edgeB = stack.mqtt(2);                     // edge-2, on the next port
 * String keyspace = stack.config().keyspace();
 * stack.stack().stopService("edge-2");              // kill one edge, e.g. to see its devices reconnect to edge-1
 * stack.stack().stopService("kafka");               // e.g. to test behaviour while Kafka is down
 * stack.stack().startService("kafka");
 * }</pre>
 *
 * Needs the build outputs of every module ({@code ./mvnw -DskipTests package}); without them {@link #get()} throws a
 * {@link io.gull.devstack.StackException} naming the missing file.
 */
public final class SharedStack {
    private static final Logger LOG = LoggerFactory.getLogger(SharedStack.class);
    /** How many edges the shared stack runs. */
    public static final int EDGES = 2;
    private static final Object LOCK = new Object();
    private static SharedStack instance;
    private static volatile RuntimeException startFailure;

    private final StackConfig config;
    private final GullStack stack;

    private SharedStack(StackConfig config, GullStack stack) {
        this.config = config;
        this.stack = stack;
    }

    /** The stack of this JVM, started now if it is not yet; a failed start fails every later call the same way. */
    public static SharedStack get() {
        synchronized (LOCK) {
            if (startFailure != null) {
                throw startFailure;
            }
            if (instance == null) {
                StackConfig config = TestStacks.freshConfig("shared", EDGES).withAllowAnonymous(true);
                GullStack stack = new GullStack(config, message -> LOG.info("[shared stack] {}", message));
                SharedStack shared = new SharedStack(config, stack);
                Runtime.getRuntime().addShutdownHook(new Thread(shared::shutdown, "gull-shared-stack-stop"));
                try {
                    stack.start();
                } catch (RuntimeException e) {
                    startFailure = e;
                    throw e;
                }
                instance = shared;
            }
            return instance;
        }
    }

    public StackConfig config() {
        return config;
    }

    public Endpoints endpoints() {
        return stack.endpoints();
    }

    /** The MQTT URI of edge {@code number} (1 = edge-1, 2 = edge-2), e.g. {@code tcp://127.0.0.1:41883}. */
    public String mqtt(int number) {
        return endpoints().mqtt(number);
    }

    /** Every edge's MQTT URI, edge-1 first. */
    public List<String> mqttEdges() {
        return endpoints().mqttEdges();
    }

    public GullStack stack() {
        return stack;
    }

    private void shutdown() {
        try {
            stack.stop();
        } finally {
            // keep the logs of a failed start for whoever reads the failure
            if (startFailure == null && !Boolean.getBoolean("gull.keep.data")) {
                TestStacks.deleteDataDir(config.dataDir());
            }
        }
    }

    @Override
    public String toString() {
        return "SharedStack[" + Objects.toString(config.dataDir()) + "]";
    }
}
