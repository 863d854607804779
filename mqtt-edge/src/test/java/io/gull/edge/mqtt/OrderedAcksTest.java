package io.gull.edge.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;

class OrderedAcksTest {

    private static OrderedAcks.Reply ack(int packetId) {
        return reason -> MqttReplies.pubAck(packetId, reason);
    }

    private static List<Integer> ids(List<MqttMessage> packets) {
        return packets.stream().map(p -> ((MqttMessageIdVariableHeader) p.variableHeader()).messageId()).toList();
    }

    @Test
    void shouldReleaseAcksOnlyInArrivalOrderAndSkipQos0() {
        // given three pending packets, the middle one QoS 0
        OrderedAcks acks = new OrderedAcks();
        OrderedAcks.Entry first = acks.add(ack(1), 10);
        OrderedAcks.Entry qos0 = acks.add(null, 20);
        OrderedAcks.Entry third = acks.add(ack(3), 30);
        List<MqttMessage> released = new ArrayList<>();

        // when the later ones complete first
        acks.complete(third, (byte) 0, released::add);
        acks.complete(qos0, (byte) 0, released::add);

        // then nothing is released until the first one completes
        assertThat(released).isEmpty();
        assertThat(acks.inflight()).isEqualTo(3);
        assertThat(acks.inflightBytes()).isEqualTo(60);
        acks.complete(first, (byte) 0, released::add);
        assertThat(ids(released)).containsExactly(1, 3);
        assertThat(acks.inflight()).isZero();
        assertThat(acks.inflightBytes()).isZero();
    }

    @Test
    void shouldReleaseAcksBeforeAFailedEntryAndNoneAfterIt() {
        // given three pending packets
        OrderedAcks acks = new OrderedAcks();
        OrderedAcks.Entry a = acks.add(ack(1), 1);
        OrderedAcks.Entry b = acks.add(ack(2), 1);
        OrderedAcks.Entry c = acks.add(ack(3), 1);
        List<MqttMessage> released = new ArrayList<>();

        // when the middle one fails
        boolean closeAfterB = acks.fail(b, released::add);
        boolean closeAfterC = acks.complete(c, (byte) 0, released::add);
        boolean closeAfterA = acks.complete(a, (byte) 0, released::add);

        // then only the one before it is answered, and the connection must close once it is the oldest
        assertThat(closeAfterB).as("A still waits").isFalse();
        assertThat(closeAfterC).isFalse();
        assertThat(ids(released)).containsExactly(1);
        assertThat(closeAfterA).as("the failed entry is the oldest now").isTrue();
    }
}
