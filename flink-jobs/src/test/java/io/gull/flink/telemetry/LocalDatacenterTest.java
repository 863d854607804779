package io.gull.flink.telemetry;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class LocalDatacenterTest {

    @Test
    void shouldAcceptALocalDcThatHasANode() {
        assertThatCode(() -> LocalDatacenter.require("dc2", List.of("dc1", "dc2"))).doesNotThrowAnyException();
    }

    @Test
    void shouldNameTheWrongLocalDcAndTheDatacentersThereAre() {
        assertThatThrownBy(() -> LocalDatacenter.require("datacenter2", Arrays.asList("datacenter1", null, "dc-b")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("local DC datacenter2 not found; Cassandra's nodes are in [datacenter1, dc-b]");
    }
}
