package io.gull.devstack;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class AddedEdgeCheckTest {
    private static final LocalEdge FIRST = LocalEdge.ofStack(1, 1883, false);
    private static final LocalEdge SECOND = LocalEdge.ofStack(2, 1883, false);
    private static final LocalEdge E2 = LocalEdge.added("e2", 1885, false);
    private static final ProcessHandle ALIVE = ProcessHandle.current();

    private static AddedEdgeCheck check(Set<String> runningServices) {
        return new AddedEdgeCheck(List.of(FIRST, SECOND, E2),
                service -> runningServices.contains(service) ? Optional.of(ALIVE) : Optional.empty());
    }

    @Test
    void shouldAcceptANewId() {
        assertThatCode(() -> check(Set.of("edge", "edge-2", "edge-e2")).require(LocalEdge.added("e3", 1886, false)))
                .doesNotThrowAnyException();
    }

    @Test
    void shouldRefuseAnIdAlreadyRunningSoThatNoTwoEdgesReadOneInbox() {
        assertThatThrownBy(() -> check(Set.of("edge-e2")).require(LocalEdge.added("e2", 1890, false)))
                .isInstanceOf(StackException.class)
                .hasMessage("Edge e2 is already running (service edge-e2, pid " + ALIVE.pid() + ", MQTT port 1885);"
                        + " two edges with one id would read one inbox. Choose another --id, or stop it first with"
                        + " ./gull stop edge-e2");
    }

    @Test
    void shouldAddAStoppedAddedEdgeAgainOnAnotherPort() {
        assertThatCode(() -> check(Set.of()).require(LocalEdge.added("e2", 1890, false))).doesNotThrowAnyException();
    }

    @Test
    void shouldRefuseTheIdOfOneOfTheStacksOwnEdges() {
        assertThatThrownBy(() -> check(Set.of()).require(LocalEdge.added("edge-2", 1890, false)))
                .isInstanceOf(StackException.class)
                .hasMessage("Edge id edge-2 belongs to service edge-2 of this stack; start that one with"
                        + " ./gull start edge-2, or choose another --id");
        assertThatThrownBy(() -> check(Set.of("edge-2")).require(LocalEdge.added("edge-2", 1890, false)))
                .hasMessageStartingWith("Edge edge-2 is already running (service edge-2");
    }

    @Test
    void shouldRefuseAnIdWhoseServiceNameAnotherEdgeHas() {
        // --id 2 would be service edge-2, which is edge-2's
        assertThatThrownBy(() -> check(Set.of()).require(LocalEdge.added("2", 1890, false)))
                .isInstanceOf(StackException.class)
                .hasMessage("Service name edge-2 is taken by edge edge-2 of this stack; choose another --id");
    }

    @Test
    void shouldRefuseThePortOfAnotherEdgeOfTheStackEvenWhenItIsStopped() {
        assertThatThrownBy(() -> check(Set.of()).require(LocalEdge.added("e3", 1884, false)))
                .isInstanceOf(StackException.class)
                .hasMessage("Port 1884 is the MQTT port of edge edge-2 (service edge-2) of this stack; choose another"
                        + " MQTT port");
    }
}
