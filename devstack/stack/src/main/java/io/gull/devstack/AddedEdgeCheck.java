package io.gull.devstack;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Whether an edge may be added to the stack ({@code gull edge --id <id>}) given the edges its data dir knows: never two
 * running edges with one id (they would read one inbox), never an id or service name of another edge of this data
 * dir, and never the MQTT port of another of its edges, running or not (it could not start again). An added edge that
 * is not running may be added again, e.g. on another port.
 */
final class AddedEdgeCheck {
    private final List<LocalEdge> known;
    private final Function<String, Optional<ProcessHandle>> running;

    /**
     * @param known   the edges recorded in the data dir
     * @param running service name -> its live process, if any
     */
    AddedEdgeCheck(List<LocalEdge> known, Function<String, Optional<ProcessHandle>> running) {
        this.known = List.copyOf(known);
        this.running = running;
    }

    /** @throws StackException saying which edge is in the way and what to do */
    void require(LocalEdge added) {
        for (LocalEdge other : known) {
            if (other.mqttPort() == added.mqttPort() && !other.service().equals(added.service())) {
                throw new StackException("Port " + added.mqttPort() + " is the MQTT port of edge " + other.edgeId()
                        + " (service " + other.service() + ") of this stack; choose another MQTT port");
            }
        }
        for (LocalEdge other : known) {
            boolean sameId = other.edgeId().equals(added.edgeId());
            boolean sameService = other.service().equals(added.service());
            if (!sameId && !sameService) {
                continue;
            }
            Optional<ProcessHandle> live = running.apply(other.service());
            if (live.isPresent() && sameId) {
                throw new StackException("Edge " + added.edgeId() + " is already running (service " + other.service()
                        + ", pid " + live.get().pid() + ", MQTT port " + other.mqttPort() + "); two edges with one id"
                        + " would read one inbox. Choose another --id, or stop it first with ./gull stop "
                        + other.service());
            }
            if (!sameService) {
                throw new StackException("Edge id " + added.edgeId() + " belongs to service " + other.service()
                        + " of this stack; start that one with ./gull start " + other.service()
                        + ", or choose another --id");
            }
            if (!sameId) {
                throw new StackException("Service name " + added.service() + " is taken by edge " + other.edgeId()
                        + " of this stack; choose another --id");
            }
        }
    }
}
