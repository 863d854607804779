package io.gull.flink.routing;

import static io.gull.flink.routing.RoutingFixtures.ack;
import static io.gull.flink.routing.RoutingFixtures.acked;
import static io.gull.flink.routing.RoutingFixtures.command;
import static io.gull.flink.routing.RoutingFixtures.deliveries;
import static io.gull.flink.routing.RoutingFixtures.ended;
import static io.gull.flink.routing.RoutingFixtures.match;
import static io.gull.flink.routing.RoutingFixtures.messageIds;
import static io.gull.flink.routing.RoutingFixtures.offline;
import static io.gull.flink.routing.RoutingFixtures.online;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.gull.flink.auth.EdgeReply;
import io.gull.schemas.avro.Delivery;
import io.gull.schemas.avro.DeliveryAckKind;
import io.gull.schemas.avro.DeliveryKind;
import io.gull.schemas.avro.SessionEvent;
import io.gull.schemas.avro.SessionEventType;

/** The delivery operator on RocksDB state: queue, in-flight window, acks, resume, restore. */
class DeliveryFunctionTest {
    private static final String SUB = "sub";

    private DeliveryFunction function;
    private KeyedOneInputStreamOperatorTestHarness<String, DeliveryInput, EdgeReply> harness;

    @BeforeEach
    void open() throws Exception {
        start(new RoutingConfig(100, 1000, 10_000), null);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void shouldHonourTheWindowAndLetAcksFreeIt() throws Exception {
        // given a subscriber with Receive Maximum 2
        send(DeliveryInput.ofPresence(online(SUB, "c1", 2, false)));

        // when three QoS 1 messages arrive
        List<EdgeReply> first = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            first.addAll(send(DeliveryInput.ofMatch(match(SUB, "m" + i, 1))));
        }

        // then two are sent to the subscriber's edge and connection, with distinct packet ids
        assertThat(messageIds(first)).containsExactly("m1", "m2");
        assertThat(first).allSatisfy(reply -> {
            assertThat(reply.edgeId()).isEqualTo("edge-c1");
            assertThat(reply.clientId()).isEqualTo(SUB);
        });
        assertThat(deliveries(first)).extracting(Delivery::getPacketId).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).isPositive());

        // when both are acked in one ACKED event, then the third goes
        List<Delivery> sent = deliveries(first);
        List<EdgeReply> next = send(DeliveryInput.ofAcks(acked(SUB, ack(sent.get(0), DeliveryAckKind.PUBACK),
                ack(sent.get(1), DeliveryAckKind.PUBACK))));
        assertThat(messageIds(next)).containsExactly("m3");
        assertThat(function.metrics().acksCount()).isEqualTo(2);
    }

    @Test
    void shouldDropTheOldestWaitingMessageWhenTheQueueOverflows() throws Exception {
        // given a queue of at most 2 for an offline persistent session
        harness.close();
        start(new RoutingConfig(100, 2, 10_000), null);
        send(DeliveryInput.ofPresence(online(SUB, "c1", 10, false)));
        send(DeliveryInput.ofPresence(offline(SUB)));

        // when three messages arrive
        for (int i = 1; i <= 3; i++) {
            send(DeliveryInput.ofMatch(match(SUB, "m" + i, 1)));
        }

        // then the oldest is gone and the resumed session gets the two newest
        assertThat(function.metrics().droppedOverflowCount()).isEqualTo(1);
        assertThat(messageIds(send(DeliveryInput.ofPresence(online(SUB, "c2", 10, true))))).containsExactly("m2", "m3");
    }

    @Test
    void shouldResendWithDupAndPubrelForWhatWasPubrecedOnResume() throws Exception {
        // given two QoS 2 messages sent, the first PUBRECed
        send(DeliveryInput.ofPresence(online(SUB, "c1", 10, false)));
        Delivery m1 = deliveries(send(DeliveryInput.ofMatch(match(SUB, "m1", 2)))).get(0);
        Delivery m2 = deliveries(send(DeliveryInput.ofMatch(match(SUB, "m2", 2)))).get(0);
        send(DeliveryInput.ofAcks(acked(SUB, ack(m1, DeliveryAckKind.PUBREC))));

        // when the connection drops and the client resumes on another edge
        send(DeliveryInput.ofPresence(offline(SUB)));
        List<EdgeReply> resumed = send(DeliveryInput.ofPresence(online(SUB, "c2", 10, true)));

        // then
        assertThat(resumed).allSatisfy(reply -> assertThat(reply.edgeId()).isEqualTo("edge-c2"));
        List<Delivery> again = deliveries(resumed);
        assertThat(again).hasSize(2);
        assertThat(again.get(0).getKind()).isEqualTo(DeliveryKind.PUBREL);
        assertThat(again.get(0).getPacketId()).isEqualTo(m1.getPacketId());
        assertThat(again.get(1).getKind()).isEqualTo(DeliveryKind.PUBLISH);
        assertThat(again.get(1).getDup()).isTrue();
        assertThat(again.get(1).getPacketId()).isEqualTo(m2.getPacketId());
        assertThat(again.get(1).getSeq()).isEqualTo(m2.getSeq());
        assertThat(function.metrics().resendsCount()).isEqualTo(2);
    }

    @Test
    void shouldKeepTheQueueAcrossARestore() throws Exception {
        // given a persistent session with one message in flight and two waiting
        send(DeliveryInput.ofPresence(online(SUB, "c1", 1, false)));
        Delivery m1 = deliveries(send(DeliveryInput.ofMatch(match(SUB, "m1", 1)))).get(0);
        send(DeliveryInput.ofMatch(match(SUB, "m2", 1)));
        send(DeliveryInput.ofPresence(offline(SUB)));
        send(DeliveryInput.ofMatch(match(SUB, "m3", 1)));
        OperatorSubtaskState snapshot = harness.snapshot(1, 1);
        harness.close();

        // when the operator is restored and the client resumes
        start(new RoutingConfig(100, 1000, 10_000), snapshot);
        List<Delivery> resumed = deliveries(send(DeliveryInput.ofPresence(online(SUB, "c2", 1, true))));

        // then the in-flight one is resent as DUP; the acked slot lets the next go, in order
        assertThat(resumed).singleElement().satisfies(d -> {
            assertThat(d.getMessageId()).isEqualTo("m1");
            assertThat(d.getDup()).isTrue();
            assertThat(d.getPacketId()).isEqualTo(m1.getPacketId());
        });
        List<EdgeReply> rest = new ArrayList<>(send(DeliveryInput.ofAcks(acked(SUB, ack(m1, DeliveryAckKind.PUBACK)))));
        rest.addAll(send(DeliveryInput.ofAcks(acked(SUB, ack(deliveries(rest).get(0), DeliveryAckKind.PUBACK)))));
        assertThat(messageIds(rest)).containsExactly("m2", "m3");
    }

    @Test
    void shouldQueueACommandForAnOfflineSessionAndDropOneForNoSession() throws Exception {
        // given a persistent offline session
        send(DeliveryInput.ofPresence(online(SUB, "c1", 10, false)));
        send(DeliveryInput.ofPresence(offline(SUB)));

        // when a command comes for it and one for a device without a session
        send(DeliveryInput.ofCommand(command(SUB, "cmd-1", 1, null)));
        assertThat(send(DeliveryInput.ofCommand(command("ghost", "cmd-2", 1, null)))).isEmpty();

        // then the ghost's is counted as dropped, and the session gets its command when it is back
        assertThat(function.metrics().droppedNoSessionCount()).isEqualTo(1);
        assertThat(messageIds(send(DeliveryInput.ofPresence(online(SUB, "c2", 10, true))))).containsExactly("cmd-1");
    }

    @Test
    void shouldForgetAnEndedSession() throws Exception {
        // given (on heap state, whose entries can be counted)
        onHeap();
        send(DeliveryInput.ofPresence(online(SUB, "c1", 10, false)));
        send(DeliveryInput.ofMatch(match(SUB, "m1", 1)));

        // when
        send(DeliveryInput.ofPresence(ended(SUB)));

        // then no state is left and new messages find no session
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(send(DeliveryInput.ofMatch(match(SUB, "m2", 1)))).isEmpty();
        assertThat(function.metrics().droppedNoSessionCount()).isEqualTo(1);
    }

    @Test
    void shouldIgnoreSessionEventsOtherThanAcked() throws Exception {
        // given
        send(DeliveryInput.ofPresence(online(SUB, "c1", 10, false)));
        Delivery m1 = deliveries(send(DeliveryInput.ofMatch(match(SUB, "m1", 1)))).get(0);
        SessionEvent notAnAck = SessionEvent.newBuilder(acked(SUB, ack(m1, DeliveryAckKind.PUBACK)))
                .setType(SessionEventType.SUBSCRIBED).build();

        // when
        send(DeliveryInput.ofAcks(notAnAck));

        // then
        assertThat(function.metrics().acksCount()).isZero();
    }

    @Test
    void shouldNotCreateStateForMessagesToClientsWithoutASession() throws Exception {
        onHeap();
        send(DeliveryInput.ofMatch(match("nobody", "m1", 1)));
        send(DeliveryInput.ofMatch(match("nobody", "m2", 0)));

        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    private void onHeap() throws Exception {
        harness.close();
        function = new DeliveryFunction(new RoutingConfig(100, 1000, 10_000));
        harness = Harnesses.deliveryOnHeap(function);
    }

    private void start(RoutingConfig config, OperatorSubtaskState restored) throws Exception {
        function = new DeliveryFunction(config);
        harness = Harnesses.delivery(function, restored);
    }

    private List<EdgeReply> send(DeliveryInput input) throws Exception {
        harness.getOutput().clear();
        harness.processElement(input, 0);
        return harness.extractOutputValues();
    }
}
