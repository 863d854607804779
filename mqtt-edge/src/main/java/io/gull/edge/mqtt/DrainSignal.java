package io.gull.edge.mqtt;

/**
 * Set once when the edge begins a graceful stop. While it is set no connection reads its socket
 * ({@link ReadGate}) and no new session is accepted ({@link ConnectHandler}); PUBLISHes already received
 * still get their PUBACKs as Kafka stores them. Thread-safe; one instance per edge.
 */
public final class DrainSignal {
    private volatile boolean draining;

    public void start() {
        draining = true;
    }

    public boolean draining() {
        return draining;
    }
}
