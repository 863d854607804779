package io.gull.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.gull.schemas.avro.AuthDecision;
import io.gull.schemas.avro.AuthOutcome;
import io.gull.schemas.avro.Command;
import io.gull.schemas.avro.EdgeHeartbeat;
import io.gull.schemas.avro.EdgeMessage;
import io.gull.schemas.avro.EdgeState;
import io.gull.schemas.avro.Publish;

class AvroCodecTest {

    @Test
    void shouldRoundTripAPublishEnvelope() {
        Publish publish = Publish.newBuilder()
                .setMessageId("m-1").setEdgeId("edge-1").setClientId("dev1").setTenant("acme")
                .setTopic("devices/dev1/temp").setPayload(ByteBuffer.wrap("21.5".getBytes(StandardCharsets.UTF_8)))
                .setQos(1).setRetain(false).setProperties(Map.of("unit", "C"))
                .setReceivedAt(Instant.ofEpochMilli(1_700_000_000_123L))
                .build();

        Publish decoded = Codecs.PUBLISH.decode(Codecs.PUBLISH.encode(publish));

        assertThat(decoded).isEqualTo(publish);
    }

    @Test
    void shouldWriteSingleObjectEncodingHeader() {
        byte[] bytes = Codecs.EDGE_MESSAGE.encode(EdgeMessage.newBuilder()
                .setBody(AuthDecision.newBuilder().setRequestId("r").setClientId("c")
                        .setOutcome(AuthOutcome.ALLOWED).setTenant("t").setDecidedAt(Instant.EPOCH).build())
                .build());

        // Avro single-object encoding starts with the marker C3 01, then the 8-byte schema fingerprint
        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
    }

    @Test
    void shouldRejectBytesOfAnotherRecordTypeWithAClearError() {
        byte[] edgeMessage = Codecs.EDGE_MESSAGE.encode(EdgeMessage.newBuilder()
                .setBody(AuthDecision.newBuilder().setRequestId("r").setClientId("c")
                        .setOutcome(AuthOutcome.BAD_CREDENTIALS).setDecidedAt(Instant.EPOCH).build())
                .build());

        assertThatThrownBy(() -> Codecs.PUBLISH.decode(edgeMessage))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("io.gull.schemas.avro.Publish");
    }

    @Test
    void shouldRoundTripACommandAndAnEdgeHeartbeat() {
        Command command = Command.newBuilder().setCommandId("c-1").setDeviceId("dev1").setTopic("cmd/reboot")
                .setPayload(ByteBuffer.wrap(new byte[] {1})).setCreatedAt(Instant.EPOCH).build();
        EdgeHeartbeat heartbeat = EdgeHeartbeat.newBuilder().setEdgeId("edge-1").setIncarnation("i-1")
                .setState(EdgeState.RUNNING).setAt(Instant.EPOCH).build();

        assertThat(Codecs.COMMAND.decode(Codecs.COMMAND.encode(command))).isEqualTo(command);
        assertThat(Codecs.EDGE_HEARTBEAT.decode(Codecs.EDGE_HEARTBEAT.encode(heartbeat))).isEqualTo(heartbeat);
    }

    @Test
    void shouldSayThatBytesOfAnUnknownSchemaMayComeFromANewerRelease() {
        byte[] command = Codecs.COMMAND.encode(Command.newBuilder().setCommandId("c-1").setDeviceId("dev1")
                .setTopic("t").setPayload(ByteBuffer.allocate(0)).setCreatedAt(Instant.EPOCH).build());

        assertThatThrownBy(() -> Codecs.EDGE_HEARTBEAT.decode(command))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("io.gull.schemas.avro.EdgeHeartbeat")
                .hasMessageContaining("written by a newer release? upgrade readers first");
    }

    @Test
    void shouldRejectGarbageAndNull() {
        assertThatThrownBy(() -> Codecs.PUBLISH.decode(new byte[] {1, 2, 3}))
                .isInstanceOf(MalformedRecordException.class);
        assertThatThrownBy(() -> Codecs.PUBLISH.decode(null))
                .isInstanceOf(MalformedRecordException.class);
    }
}
