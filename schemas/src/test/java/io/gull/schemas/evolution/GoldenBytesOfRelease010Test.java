package io.gull.schemas.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.gull.schemas.Codecs;
import io.gull.schemas.avro.AuthDecision;
import io.gull.schemas.avro.EdgeMessage;

/**
 * The bytes committed under {@code avro/golden/0.1.0/}, written once with the 0.1.0 schemas, decode with
 * today's codecs. Unlike {@link ReadingWhatRelease010WroteTest} this does not use the historic .avsc files,
 * so it fails also when those files, or the way the codec finds them, are broken.
 */
class GoldenBytesOfRelease010Test {

    @Test
    void a010PublishDecodes() {
        assertThat(Codecs.PUBLISH.decode(golden("Publish"))).isEqualTo(Release010ReadToday.publish());
    }

    @Test
    void a010SessionEventDecodes() {
        assertThat(Codecs.SESSION_EVENT.decode(golden("SessionEvent"))).isEqualTo(Release010ReadToday.sessionEvent());
    }

    @Test
    void a010AuthRequestDecodes() {
        assertThat(Codecs.AUTH_REQUEST.decode(golden("AuthRequest"))).isEqualTo(Release010ReadToday.authRequest());
    }

    @Test
    void a010EdgeMessageWithAnAuthDecisionDecodes() {
        EdgeMessage message = Codecs.EDGE_MESSAGE.decode(golden("EdgeMessage"));

        assertThat(message).isEqualTo(Release010ReadToday.edgeMessage());
        assertThat(((AuthDecision) message.getBody()).getSessionPresent()).isFalse();
    }

    @Test
    void a010DeviceRecordDecodes() {
        assertThat(Codecs.DEVICE_RECORD.decode(golden("DeviceRecord"))).isEqualTo(Release010ReadToday.deviceRecord());
    }

    @Test
    void theCommittedWriterSchemasOf010StillWriteTheGoldenBytes() {
        // given the records of 0.1.0, encoded today with the schemas under avro/history/0.1.0
        // then they are byte for byte the golden files: nobody edited a released schema
        Release010.all().forEach((record, value) ->
                assertThat(Release010.encode(value)).as(record).isEqualTo(golden(record)));
    }

    private static byte[] golden(String record) {
        return GoldenFiles.read(Release010.VERSION, record);
    }
}
