package io.gull.flink.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.gull.flink.auth.AuthFixtures;
import io.gull.flink.auth.CredentialCheck;
import io.gull.flink.auth.EdgeReply;
import io.gull.flink.decode.DeadLetter;
import io.gull.schemas.Codecs;
import io.gull.schemas.avro.AuthDecision;
import io.gull.schemas.avro.AuthOutcome;

class SerializersTest {

    @Test
    void shouldWriteReplyToTheEdgesInboxKeyedByClientId() {
        EdgeReply reply = CredentialCheck.unknownDevice(AuthFixtures.request("r1", "dev1", null, "pw"), Instant.EPOCH);

        ProducerRecord<byte[], byte[]> record = new EdgeReplySerializer().serialize(reply, null, null);

        assertThat(record.topic()).isEqualTo("gull.edge.edge-1");
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("dev1");
        AuthDecision decision = (AuthDecision) Codecs.EDGE_MESSAGE.decode(record.value()).getBody();
        assertThat(decision.getOutcome()).isEqualTo(AuthOutcome.UNKNOWN_DEVICE);
        assertThat(decision.getRequestId()).isEqualTo("r1");
    }

    @Test
    void shouldKeepTheOriginalRecordAndSayWhyInHeaders() {
        byte[] key = {1};
        byte[] value = {2, 3};
        DeadLetter letter = new DeadLetter("gull.ingress", 3, 42, key, value, "not a Publish record");

        ProducerRecord<byte[], byte[]> record = new DeadLetterSerializer().serialize(letter, null, null);

        assertThat(record.topic()).isEqualTo("gull.deadletter");
        assertThat(record.key()).isEqualTo(key);
        assertThat(record.value()).isEqualTo(value);
        assertThat(header(record, DeadLetterSerializer.REASON)).isEqualTo("not a Publish record");
        assertThat(header(record, DeadLetterSerializer.SOURCE_TOPIC)).isEqualTo("gull.ingress");
        assertThat(header(record, DeadLetterSerializer.SOURCE_PARTITION)).isEqualTo("3");
        assertThat(header(record, DeadLetterSerializer.SOURCE_OFFSET)).isEqualTo("42");
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
