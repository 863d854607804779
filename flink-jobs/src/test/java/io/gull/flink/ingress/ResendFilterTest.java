package io.gull.flink.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.gull.schemas.avro.Publish;

/** Resends after a reconnect leave gull.ingress's consumers one copy; everything else passes. */
class ResendFilterTest {
    private KeyedOneInputStreamOperatorTestHarness<String, Publish, Publish> harness;

    @BeforeEach
    void start() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(new ResendFilter(), ResendFilter::key,
                Types.STRING);
    }

    @AfterEach
    void stop() throws Exception {
        harness.close();
    }

    @Test
    void shouldDropAQos1DupResendFromAnotherEdge() throws Exception {
        // given a QoS 1 message stored from edge A whose PUBACK the client never got
        harness.processElement(publish("m-1", "edge-a", 1, 5, false, "21.5"), 0);

        // when the client resends it with DUP on edge B
        harness.processElement(publish("m-2", "edge-b", 1, 5, true, "21.5"), 0);

        // then only the original goes on
        assertThat(harness.extractOutputValues()).extracting(Publish::getMessageId).containsExactly("m-1");
    }

    @Test
    void shouldDropAQos2ResendBeforePubrel() throws Exception {
        harness.processElement(publish("m-1", "edge-a", 2, 9, false, "on"), 0);
        harness.processElement(publish("m-2", "edge-b", 2, 9, true, "on"), 0);

        assertThat(harness.extractOutputValues()).extracting(Publish::getMessageId).containsExactly("m-1");
    }

    @Test
    void shouldPassADupPublishWhoseOriginalWasNeverStored() throws Exception {
        // the original on packet id 5 was lost before Kafka had it; id 5 last carried another message
        harness.processElement(publish("m-1", "edge-a", 1, 5, false, "21.5"), 0);
        harness.processElement(publish("m-2", "edge-b", 1, 5, true, "22.0"), 0);
        harness.processElement(publish("m-3", "edge-b", 1, 6, true, "22.5"), 0);

        assertThat(harness.extractOutputValues()).extracting(Publish::getMessageId)
                .containsExactly("m-1", "m-2", "m-3");
    }

    @Test
    void shouldPassTheSameMessageSentAgainWithoutDup() throws Exception {
        // a device that reports the same value twice, on the same packet id, sends two messages
        harness.processElement(publish("m-1", "edge-a", 1, 1, false, "21.5"), 0);
        harness.processElement(publish("m-2", "edge-a", 1, 1, false, "21.5"), 0);

        assertThat(harness.extractOutputValues()).hasSize(2);
    }

    @Test
    void shouldPassQos0AndOtherClientsMessages() throws Exception {
        harness.processElement(publish("m-1", "edge-a", 0, 0, true, "x"), 0);
        harness.processElement(publish("m-2", "edge-a", 0, 0, true, "x"), 0);
        harness.processElement(publish("m-3", "edge-a", 1, 5, false, "x"), 0);
        Publish otherClient = publish("m-4", "edge-a", 1, 5, true, "x");
        otherClient.setClientId("other");
        harness.processElement(otherClient, 0);

        assertThat(harness.extractOutputValues()).hasSize(4);
    }

    @Test
    void shouldKeepItsMemoryAcrossARestore() throws Exception {
        harness.processElement(publish("m-1", "edge-a", 1, 5, false, "21.5"), 0);
        var snapshot = harness.snapshot(1, 1);
        harness.close();

        harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new ResendFilter()),
                ResendFilter::key, Types.STRING);
        harness.initializeState(snapshot);
        harness.open();
        harness.processElement(publish("m-2", "edge-b", 1, 5, true, "21.5"), 0);

        assertThat(harness.extractOutputValues()).isEmpty();
    }

    private static Publish publish(String messageId, String edge, int qos, int packetId, boolean dup,
            String payload) {
        return Publish.newBuilder()
                .setMessageId(messageId)
                .setEdgeId(edge)
                .setClientId("sensor-1")
                .setTenant("acme")
                .setTopic("sensors/1/temp")
                .setPayload(ByteBuffer.wrap(payload.getBytes(StandardCharsets.UTF_8)))
                .setQos(qos)
                .setPacketId(packetId)
                .setDup(dup)
                .setProperties(new HashMap<>())
                .setReceivedAt(Instant.ofEpochMilli(0))
                .build();
    }
}
