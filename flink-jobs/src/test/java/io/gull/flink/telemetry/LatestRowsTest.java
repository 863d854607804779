package io.gull.flink.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** latest_by_device writes waiting for the next flush: one per device and topic, the newest. */
class LatestRowsTest {

    @Test
    void shouldKeepOnlyTheNewestWriteOfEachDeviceAndTopic() {
        // given
        LatestRows latest = new LatestRows();
        TelemetryWrite first = write("m1");
        TelemetryWrite second = write("m2");
        TelemetryWrite otherTopic = write("m3");

        // when
        latest.offer("dev1", "t/a", first, 1_000);
        latest.offer("dev1", "t/a", second, 2_000);
        latest.offer("dev1", "t/b", otherTopic, 1_500);

        // then
        assertThat(latest.size()).isEqualTo(2);
        assertThat(latest.drain()).containsExactly(second, otherTopic);
    }

    @Test
    void shouldNotLetAnOlderMessageReplaceANewerOne() {
        LatestRows latest = new LatestRows();
        TelemetryWrite newer = write("m2");

        latest.offer("dev1", "t/a", newer, 2_000);
        latest.offer("dev1", "t/a", write("m1"), 1_000);

        assertThat(latest.drain()).containsExactly(newer);
    }

    @Test
    void shouldHoldNothingAfterADrain() {
        LatestRows latest = new LatestRows();
        latest.offer("dev1", "t/a", write("m1"), 1_000);

        latest.drain();

        assertThat(latest.size()).isZero();
        assertThat(latest.drain()).isEmpty();
    }

    private static TelemetryWrite write(String messageId) {
        return new TelemetryWrite(TelemetryRowTest.publish(messageId, Instant.EPOCH), null);
    }
}
