package io.gull.flink.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

import io.gull.flink.auth.AuthFixtures;
import io.gull.flink.auth.DeviceChange;
import io.gull.flink.kafka.RawRecord;
import io.gull.schemas.Codecs;
import io.gull.schemas.MalformedRecordException;
import io.gull.schemas.Topics;
import io.gull.schemas.avro.AuthRequest;
import io.gull.schemas.avro.DeviceRecord;
import io.gull.schemas.avro.Publish;

class DecodeFunctionTest {

    @Test
    @SuppressWarnings("try") // the harness' close() may throw InterruptedException
    void shouldPassDecodedRecordsOnAndSendMalformedOnesToTheDeadLetterOutput() throws Exception {
        // given
        AuthRequest good = AuthFixtures.request("r1", "dev1", null, "pw");
        byte[] garbage = "not avro".getBytes(StandardCharsets.UTF_8);
        try (OneInputStreamOperatorTestHarness<RawRecord, AuthRequest> harness =
                ProcessFunctionTestHarnesses.forProcessFunction(new DecodeFunction<>(GullDecoders::authRequest))) {

            // when
            harness.processElement(raw(Topics.AUTH_REQUESTS, 7, key("dev1"), Codecs.AUTH_REQUEST.encode(good)), 0);
            harness.processElement(raw(Topics.AUTH_REQUESTS, 8, key("dev2"), garbage), 0);
            harness.processElement(raw(Topics.AUTH_REQUESTS, 9, key("dev3"), null), 0);

            // then
            assertThat(harness.extractOutputValues()).containsExactly(good);
            List<DeadLetter> dead = harness.getSideOutput(DeadLetter.TAG).stream()
                    .map(StreamRecord::getValue).collect(Collectors.toList());
            assertThat(dead).extracting(DeadLetter::offset).containsExactly(8L, 9L);
            assertThat(dead.get(0).sourceTopic()).isEqualTo(Topics.AUTH_REQUESTS);
            assertThat(dead.get(0).value()).isEqualTo(garbage);
            assertThat(dead.get(0).key()).isEqualTo(key("dev2"));
            assertThat(dead.get(0).reason()).contains("AuthRequest");
            assertThat(dead.get(1).reason()).contains("null value");
        }
    }

    @Test
    void shouldTurnATombstoneIntoADeletion() {
        DeviceChange change = GullDecoders.deviceChange(raw(Topics.DEVICES, 1, key("dev1"), null));

        assertThat(change.isDeletion()).isTrue();
        assertThat(change.deviceId()).isEqualTo("dev1");
    }

    @Test
    void shouldDecodeARegistration() {
        byte[] value = Codecs.DEVICE_RECORD.encode(AuthFixtures.device("dev1", "pw", "acme"));

        DeviceChange change = GullDecoders.deviceChange(raw(Topics.DEVICES, 1, key("dev1"), value));

        assertThat(change.isDeletion()).isFalse();
        assertThat(change.device().getTenant()).isEqualTo("acme");
    }

    @Test
    @SuppressWarnings("try") // the harness' close() may throw InterruptedException
    void shouldRejectRegistrationWhoseKeyIsNotItsDeviceId() throws Exception {
        byte[] value = Codecs.DEVICE_RECORD.encode(AuthFixtures.device("dev1", "pw", "acme"));
        try (OneInputStreamOperatorTestHarness<RawRecord, DeviceChange> harness =
                ProcessFunctionTestHarnesses.forProcessFunction(new DecodeFunction<>(GullDecoders::deviceChange))) {

            harness.processElement(raw(Topics.DEVICES, 1, key("dev2"), value), 0);
            harness.processElement(raw(Topics.DEVICES, 2, null, null), 0);

            assertThat(harness.extractOutputValues()).isEmpty();
            assertThat(harness.getSideOutput(DeadLetter.TAG)).extracting(r -> r.getValue().reason())
                    .containsExactly("device record key 'dev2' differs from its deviceId 'dev1'",
                            "device registry record without a key (the key must be the device id)");
        }
    }

    @Test
    void shouldRejectRegistrationWhoseCredentialCannotBeChecked() {
        DeviceRecord unsupported = AuthFixtures.device("dev1", "pw", "acme");
        unsupported.getCredential().setAlgorithm("MD5");
        DeviceRecord tooCostly = AuthFixtures.device("dev1", "pw", "acme");
        tooCostly.getCredential().setIterations(Integer.MAX_VALUE);
        DeviceRecord noSalt = AuthFixtures.device("dev1", "pw", "acme");
        noSalt.getCredential().setSalt(ByteBuffer.allocate(0));

        assertThatThrownBy(() -> GullDecoders.deviceChange(registration(unsupported)))
                .isInstanceOf(MalformedRecordException.class).hasMessageContaining("unsupported password algorithm");
        assertThatThrownBy(() -> GullDecoders.deviceChange(registration(tooCostly)))
                .isInstanceOf(MalformedRecordException.class).hasMessageContaining("password iterations must be");
        assertThatThrownBy(() -> GullDecoders.deviceChange(registration(noSalt)))
                .isInstanceOf(MalformedRecordException.class).hasMessageContaining("without salt or hash");
    }

    @Test
    @SuppressWarnings("try") // the harness' close() may throw InterruptedException
    void shouldRejectAuthRequestWhoseEdgeIdCannotNameATopic() throws Exception {
        AuthRequest request = AuthFixtures.request("r1", "dev1", null, "pw");
        request.setEdgeId("edge/1");
        try (OneInputStreamOperatorTestHarness<RawRecord, AuthRequest> harness =
                ProcessFunctionTestHarnesses.forProcessFunction(new DecodeFunction<>(GullDecoders::authRequest))) {

            harness.processElement(raw(Topics.AUTH_REQUESTS, 1, key("dev1"), Codecs.AUTH_REQUEST.encode(request)), 0);

            assertThat(harness.extractOutputValues()).isEmpty();
            assertThat(harness.getSideOutput(DeadLetter.TAG)).extracting(r -> r.getValue().reason())
                    .singleElement().asString().contains("edge id");
        }
    }

    @Test
    @SuppressWarnings("try") // the harness' close() may throw InterruptedException
    void shouldDeadLetterPublishesWithOutOfRangeReceivedAtOrOversizedPayload() throws Exception {
        // given one good message and the kinds no later operator could write
        Publish good = publish("m1", Instant.parse("2026-11-25T10:15:30.123Z"), 4);
        Publish latest = publish("m2", GullDecoders.MAX_RECEIVED_AT, GullDecoders.MAX_PAYLOAD_BYTES);
        Publish farFuture = publish("m3", Instant.ofEpochMilli(Long.MAX_VALUE), 4);
        Publish beforeEpoch = publish("m4", Instant.ofEpochMilli(-1), 4);
        Publish oversized = publish("m5", Instant.parse("2026-11-25T10:15:30.123Z"),
                GullDecoders.MAX_PAYLOAD_BYTES + 1);
        try (OneInputStreamOperatorTestHarness<RawRecord, Publish> harness =
                ProcessFunctionTestHarnesses.forProcessFunction(new DecodeFunction<>(GullDecoders::publish))) {

            // when
            long offset = 0;
            for (Publish publish : List.of(good, latest, farFuture, beforeEpoch, oversized)) {
                harness.processElement(raw(Topics.INGRESS, offset++, key("t"), Codecs.PUBLISH.encode(publish)), 0);
            }

            // then
            assertThat(harness.extractOutputValues()).extracting(Publish::getMessageId).containsExactly("m1", "m2");
            assertThat(harness.getSideOutput(DeadLetter.TAG)).extracting(r -> r.getValue().reason())
                    .satisfiesExactly(
                            reason -> assertThat(reason).startsWith("receivedAt").contains("is outside"),
                            reason -> assertThat(reason).startsWith("receivedAt").contains("is outside"),
                            reason -> assertThat(reason).contains("payload of 1048577 bytes is larger"));
        }
    }

    private static Publish publish(String messageId, Instant receivedAt, int payloadBytes) {
        return Publish.newBuilder()
                .setMessageId(messageId)
                .setEdgeId("edge-1")
                .setClientId("dev1")
                .setTopic("devices/dev1/temp")
                .setPayload(ByteBuffer.allocate(payloadBytes))
                .setQos(1)
                .setReceivedAt(receivedAt)
                .build();
    }

    private static RawRecord registration(DeviceRecord device) {
        return raw(Topics.DEVICES, 1, key(device.getDeviceId()), Codecs.DEVICE_RECORD.encode(device));
    }

    private static RawRecord raw(String topic, long offset, byte[] key, byte[] value) {
        return new RawRecord(topic, 0, offset, RawRecord.NO_TIMESTAMP, key, value);
    }

    private static byte[] key(String key) {
        return key.getBytes(StandardCharsets.UTF_8);
    }
}
