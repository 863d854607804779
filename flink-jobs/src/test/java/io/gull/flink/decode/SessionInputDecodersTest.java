package io.gull.flink.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import io.gull.flink.auth.AuthFixtures;
import io.gull.flink.kafka.RawRecord;
import io.gull.flink.kafka.RawRecordDeserializer;
import io.gull.flink.session.SessionDecoders;
import io.gull.flink.session.SessionFixtures;
import io.gull.flink.session.SessionInput;
import io.gull.schemas.Codecs;
import io.gull.schemas.MalformedRecordException;
import io.gull.schemas.Topics;
import io.gull.schemas.avro.Command;
import io.gull.schemas.avro.SessionEvent;

/** Decoding gull.auth.requests (with the broker's timestamp), gull.sessions and gull.commands. */
class SessionInputDecodersTest {

    @Test
    void shouldKeepTheKafkaTimestampOfEachRecord() {
        // given a record the broker appended at 1234 (LogAppendTime)
        ConsumerRecord<byte[], byte[]> consumed = new ConsumerRecord<>(Topics.AUTH_REQUESTS, 2, 9, 1234L,
                TimestampType.LOG_APPEND_TIME, 0, 0, key("dev1"), new byte[] {1}, new RecordHeaders(),
                java.util.Optional.empty());
        List<RawRecord> out = new java.util.ArrayList<>();

        // when
        new RawRecordDeserializer().deserialize(consumed, new org.apache.flink.api.common.functions.util.ListCollector<>(out));

        // then
        assertThat(out).singleElement().extracting(RawRecord::timestamp).isEqualTo(1234L);
    }

    @Test
    void shouldDecodeAnAuthRequestWithTheBrokersAppendTimeNotTheEdgesClock() {
        byte[] value = Codecs.AUTH_REQUEST.encode(AuthFixtures.request("r1", "dev1", null, "pw", Instant.EPOCH));

        SessionInput input = SessionDecoders.authRequest(raw(Topics.AUTH_REQUESTS, 5_000, value));

        assertThat(input.authRequest().getRequestId()).isEqualTo("r1");
        assertThat(input.appendedAt()).isEqualTo(5_000);
        assertThat(input.clientId()).isEqualTo("dev1");
    }

    @Test
    void shouldDecodeSessionEvents() {
        SessionEvent event = SessionFixtures.subscribed("edge-1", "c1", SessionFixtures.subscription("a/+", 1, 1));

        assertThat(GullDecoders.sessionEvent(raw(Topics.SESSIONS, 1, Codecs.SESSION_EVENT.encode(event))))
                .isEqualTo(event);
    }

    @Test
    void shouldRejectASubscriptionTheEdgeShouldHaveRefused() {
        SessionEvent badFilter = SessionFixtures.subscribed("edge-1", "c1", SessionFixtures.subscription("a/#/b", 1, 0));
        SessionEvent badQos = SessionFixtures.subscribed("edge-1", "c1", SessionFixtures.subscription("a", 3, 0));
        SessionEvent badEdge = SessionEvent.newBuilder(SessionFixtures.disconnected("edge-1", "c1", false))
                .setEdgeId("no/slashes").build();

        assertThatThrownBy(() -> GullDecoders.sessionEvent(raw(Topics.SESSIONS, 1, Codecs.SESSION_EVENT.encode(badFilter))))
                .isInstanceOf(MalformedRecordException.class).hasMessageContaining("invalid topic filter 'a/#/b'");
        assertThatThrownBy(() -> GullDecoders.sessionEvent(raw(Topics.SESSIONS, 1, Codecs.SESSION_EVENT.encode(badQos))))
                .isInstanceOf(MalformedRecordException.class).hasMessageContaining("qos");
        assertThatThrownBy(() -> GullDecoders.sessionEvent(raw(Topics.SESSIONS, 1, Codecs.SESSION_EVENT.encode(badEdge))))
                .isInstanceOf(MalformedRecordException.class).hasMessageContaining("edge id");
    }

    @Test
    void shouldDecodeCommandsAndRejectOnesWithAWildcardTopic() {
        Command command = Command.newBuilder().setCommandId("cmd-1").setDeviceId("dev1").setTopic("cmd/reboot")
                .setPayload(ByteBuffer.wrap(key("now"))).setCreatedAt(Instant.EPOCH).build();
        Command wildcard = Command.newBuilder(command).setTopic("cmd/#").build();

        assertThat(GullDecoders.command(raw(Topics.COMMANDS, 1, Codecs.COMMAND.encode(command))))
                .isEqualTo(command);
        assertThatThrownBy(() -> GullDecoders.command(raw(Topics.COMMANDS, 1, Codecs.COMMAND.encode(wildcard))))
                .isInstanceOf(MalformedRecordException.class).hasMessageContaining("invalid topic");
    }

    private static RawRecord raw(String topic, long timestamp, byte[] value) {
        return new RawRecord(topic, 0, 0, timestamp, key("dev1"), value);
    }

    private static byte[] key(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
