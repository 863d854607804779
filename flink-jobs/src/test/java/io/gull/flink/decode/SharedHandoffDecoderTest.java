package io.gull.flink.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;

import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

import io.gull.flink.kafka.RawRecord;
import io.gull.schemas.Codecs;
import io.gull.schemas.Topics;
import io.gull.schemas.avro.Publish;
import io.gull.schemas.avro.SharedHandoff;

/**
 * A handoff whose filter is not a valid shared subscription is a dead letter. Found by {@link RecordDecoderFuzzTest}:
 * for "$share/abc" (a share name, no filter) the decoder threw StringIndexOutOfBoundsException, which the
 * {@link DecodeFunction} does not catch: the job would fail and restart onto the same record.
 */
class SharedHandoffDecoderTest {

    @Test
    @SuppressWarnings("try") // the harness' close() may throw InterruptedException
    void shouldDeadLetterAHandoffOfAShareNameWithoutFilter() throws Exception {
        // given a handoff of "$share/abc"
        SharedHandoff handoff = SharedHandoff.newBuilder().setTenant("acme").setFilter("$share/abc")
                .setFromClientId("dev1").setMessage(Publish.newBuilder().setMessageId("m-1").setEdgeId("edge-1")
                        .setClientId("dev2").setTopic("abc").setPayload(ByteBuffer.allocate(0)).setQos(1)
                        .setReceivedAt(Instant.EPOCH).build())
                .build();
        try (OneInputStreamOperatorTestHarness<RawRecord, SharedHandoff> harness =
                ProcessFunctionTestHarnesses.forProcessFunction(new DecodeFunction<>(GullDecoders::sharedHandoff))) {

            // when the sessions job decodes it
            harness.processElement(new RawRecord(Topics.SHARED_HANDOFFS, 0, 7, RawRecord.NO_TIMESTAMP, null,
                    Codecs.SHARED_HANDOFF.encode(handoff)), 0);

            // then it is a dead letter that says why
            assertThat(harness.extractOutputValues()).isEmpty();
            List<String> reasons = harness.getSideOutput(DeadLetter.TAG).stream().map(StreamRecord::getValue)
                    .map(DeadLetter::reason).toList();
            assertThat(reasons).singleElement().asString().contains("not a valid shared subscription: '$share/abc'");
        }
    }
}
