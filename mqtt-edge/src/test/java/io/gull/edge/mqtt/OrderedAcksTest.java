package io.gull.edge.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class OrderedAcksTest {

    @Test
    void shouldReleaseAcksOnlyInArrivalOrderAndSkipQos0() {
        OrderedAcks acks = new OrderedAcks();
        OrderedAcks.Entry first = acks.add(1, 10);
        OrderedAcks.Entry qos0 = acks.add(OrderedAcks.NO_ACK, 20);
        OrderedAcks.Entry third = acks.add(3, 30);
        List<Integer> released = new ArrayList<>();

        acks.complete(third, (byte) 0, (id, reason) -> released.add(id));
        acks.complete(qos0, (byte) 0, (id, reason) -> released.add(id));
        assertThat(released).isEmpty();
        assertThat(acks.inflight()).isEqualTo(3);
        assertThat(acks.inflightBytes()).isEqualTo(60);

        acks.complete(first, (byte) 0, (id, reason) -> released.add(id));

        assertThat(released).containsExactly(1, 3);
        assertThat(acks.inflight()).isZero();
        assertThat(acks.inflightBytes()).isZero();
    }

    @Test
    void shouldReleaseAcksBeforeAFailedEntryAndNoneAfterIt() {
        OrderedAcks acks = new OrderedAcks();
        OrderedAcks.Entry a = acks.add(1, 1);
        OrderedAcks.Entry b = acks.add(2, 1);
        OrderedAcks.Entry c = acks.add(3, 1);
        List<Integer> released = new ArrayList<>();

        boolean closeAfterB = acks.fail(b, (id, reason) -> released.add(id));
        boolean closeAfterC = acks.complete(c, (byte) 0, (id, reason) -> released.add(id));
        assertThat(closeAfterB).as("A still waits").isFalse();
        assertThat(closeAfterC).isFalse();
        boolean closeAfterA = acks.complete(a, (byte) 0, (id, reason) -> released.add(id));

        assertThat(released).containsExactly(1);
        assertThat(closeAfterA).as("the failed entry is the oldest now").isTrue();
    }
}
