package io.gull.schemas.evolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;

import org.apache.avro.AvroTypeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.MissingSchemaException;
import org.junit.jupiter.api.Test;

import io.gull.schemas.AvroCodec;
import io.gull.schemas.Codecs;
import io.gull.schemas.MalformedRecordException;
import io.gull.schemas.avro.Delivery;
import io.gull.schemas.avro.DeliveryKind;
import io.gull.schemas.avro.EdgeMessage;
import io.gull.schemas.avro.Publish;
import io.gull.schemas.history.HistoricSchema;
import io.gull.schemas.history.ReaderCompatibility;
import io.gull.schemas.history.SchemaHistory;

/**
 * Old readers are not promised to read what new writers write. Readers know the schemas of their own and
 * earlier releases only, so a rolling upgrade upgrades readers before writers: for EdgeMessage the edges
 * (its readers) before the jobs (its writers); for Publish, SessionEvent and AuthRequest the jobs before the
 * edges; for DeviceRecord the jobs and the CLI's readers before the CLI that writes it.
 */
class UpgradeOrderTest {

    @Test
    void a010EdgeCannotReadAnyEdgeMessageOfTodaysJobsSoEdgesAreUpgradedFirst() {
        // given a reader as 0.1.0 built it: its own EdgeMessage schema, no history
        Schema old = Release010.schema("EdgeMessage");
        BinaryMessageDecoder<GenericRecord> reader010 = new BinaryMessageDecoder<>(GenericData.get(), old);

        // when today's jobs send it a Delivery
        byte[] bytes = Codecs.EDGE_MESSAGE.encode(edgeMessageWithADelivery());

        // then it does not know the writer's fingerprint
        assertThatThrownBy(() -> reader010.decode(bytes)).isInstanceOf(MissingSchemaException.class);
    }

    @Test
    void a010ReaderCouldNotReadADeliveryEvenIfItKnewTodaysSchema() {
        // given the 0.1.0 EdgeMessage as reader and today's as writer
        Schema old = Release010.schema("EdgeMessage");

        // when Avro resolves them
        List<String> problems = ReaderCompatibility.problems(old, new HistoricSchema("today", EdgeMessage.getClassSchema()));

        // then the old union lacks the new branches, and a Delivery fails to decode
        assertThat(problems).hasSize(2).allSatisfy(problem -> assertThat(problem).contains("MISSING_UNION_BRANCH"));
        assertThat(problems).anySatisfy(problem -> assertThat(problem)
                .contains("field EdgeMessage.body (the writer's union branch Delivery)"));
        assertThat(problems).anySatisfy(problem -> assertThat(problem)
                .contains("field EdgeMessage.body (the writer's union branch Kick)"));
        byte[] body = withoutHeader(Codecs.EDGE_MESSAGE.encode(edgeMessageWithADelivery()));
        GenericDatumReader<GenericRecord> reader = new GenericDatumReader<>(EdgeMessage.getClassSchema(), old);
        assertThatThrownBy(() -> reader.read(null, DecoderFactory.get().binaryDecoder(body, null)))
                .isInstanceOf(AvroTypeException.class);
    }

    @Test
    void todaysReaderRefusesWhatANewerReleaseWroteAndSaysToUpgradeReadersFirst() throws IOException {
        // given a Publish written by a future release that added a field (compatible, but not known here)
        Schema future = new Schema.Parser().parse(Publish.getClassSchema().toString()
                .replace("\"fields\":[", "\"fields\":[{\"name\":\"priority\",\"type\":\"int\",\"default\":0},"));
        GenericRecord publish = new GenericData.Record(future);
        Publish today = Publish.newBuilder()
                .setMessageId("m-1").setEdgeId("edge-1").setClientId("dev1").setTopic("t")
                .setPayload(ByteBuffer.allocate(0)).setQos(0).setReceivedAt(Instant.EPOCH).build();
        for (Schema.Field field : Publish.getClassSchema().getFields()) {
            Object value = today.get(field.pos());
            publish.put(field.name(), value instanceof Instant instant ? instant.toEpochMilli() : value);
        }
        publish.put("priority", 7);
        byte[] bytes = Release010.encode(publish);

        // when today's codec reads it
        // then it is refused as a possibly newer writer, not silently misread
        assertThatThrownBy(() -> Codecs.PUBLISH.decode(bytes))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("io.gull.schemas.avro.Publish")
                .hasMessageContaining("written by a newer release? upgrade readers first");
    }

    @Test
    void withoutTheSchemasOfEarlierReleasesACodecReadsOnlyItsOwn() {
        // given today's Publish codec built with an empty history
        AvroCodec<Publish> withoutHistory = AvroCodec.of(Publish.getClassSchema(), SchemaHistory.load("avro/history-empty"));

        // when it reads what 0.1.0 wrote
        // then it refuses it: the kept writer schemas are what let readers read older writers
        assertThatThrownBy(() -> withoutHistory.decode(Release010.encode(Release010.publish())))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("upgrade readers first");
    }

    private static EdgeMessage edgeMessageWithADelivery() {
        return EdgeMessage.newBuilder().setBody(Delivery.newBuilder()
                        .setClientId("sub1").setConnectionId("conn-9").setSeq(1).setMessageId("m-1")
                        .setKind(DeliveryKind.PUBLISH).setTopic("a/b").setPayload(ByteBuffer.wrap(new byte[] {1}))
                        .setQos(1).build())
                .build();
    }

    /** The Avro binary body after the 10-byte single-object header (C3 01 + fingerprint). */
    private static byte[] withoutHeader(byte[] singleObject) {
        byte[] body = new byte[singleObject.length - 10];
        System.arraycopy(singleObject, 10, body, 0, body.length);
        return body;
    }
}
