package io.gull.edge.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class OrderedAcksTest {

    @Test
    void shouldReleaseAcksOnlyInArrivalOrderAndSkipQos0() {
        OrderedAcks acks = new OrderedAcks();
        OrderedAcks.Entry first = acks.add(1);
        OrderedAcks.Entry qos0 = acks.add(OrderedAcks.NO_ACK);
        OrderedAcks.Entry third = acks.add(3);
        List<Integer> released = new ArrayList<>();

        acks.complete(third, released::add);
        acks.complete(qos0, released::add);
        assertThat(released).isEmpty();
        assertThat(acks.inflight()).isEqualTo(3);

        acks.complete(first, released::add);

        assertThat(released).containsExactly(1, 3);
        assertThat(acks.inflight()).isZero();
    }
}
