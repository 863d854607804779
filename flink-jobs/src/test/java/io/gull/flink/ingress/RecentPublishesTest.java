package io.gull.flink.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecentPublishesTest {

    @Test
    void shouldRecogniseAResendOfAPacketIdsNewestMessage() {
        long[] state = RecentPublishes.of(null).remember(7, 111L);

        assertThat(RecentPublishes.of(state).isResend(7, 111L)).isTrue();
    }

    @Test
    void shouldNotTakeADifferentMessageOnTheSamePacketIdForAResend() {
        long[] state = RecentPublishes.of(null).remember(7, 111L);

        assertThat(RecentPublishes.of(state).isResend(7, 222L)).isFalse();
        assertThat(RecentPublishes.of(state).isResend(8, 111L)).isFalse();
    }

    @Test
    void shouldJudgeOnlyByThePacketIdsNewestMessage() {
        // given packet id 7 used for message A, then reused for message B
        long[] state = RecentPublishes.of(RecentPublishes.of(null).remember(7, 111L)).remember(7, 222L);

        // then a resend of A on id 7 is not a resend of what id 7 now carries
        assertThat(RecentPublishes.of(state).isResend(7, 111L)).isFalse();
        assertThat(RecentPublishes.of(state).isResend(7, 222L)).isTrue();
        assertThat(state).hasSize(2);
    }

    @Test
    void shouldForgetTheOldestPacketIdsBeyondCapacity() {
        long[] state = null;
        for (int packetId = 1; packetId <= RecentPublishes.CAPACITY + 10; packetId++) {
            state = RecentPublishes.of(state).remember(packetId, packetId * 10L);
        }

        RecentPublishes recent = RecentPublishes.of(state);
        assertThat(state).hasSize(RecentPublishes.CAPACITY * 2);
        assertThat(recent.isResend(10, 100L)).isFalse();
        assertThat(recent.isResend(11, 110L)).isTrue();
        assertThat(recent.isResend(RecentPublishes.CAPACITY + 10, (RecentPublishes.CAPACITY + 10) * 10L)).isTrue();
    }

    @Test
    void shouldKeepAReusedPacketIdAsTheNewestEntry() {
        long[] state = null;
        for (int packetId = 1; packetId <= RecentPublishes.CAPACITY; packetId++) {
            state = RecentPublishes.of(state).remember(packetId, packetId);
        }
        // packet id 1 is reused: it becomes the newest, so id 2 is the one dropped next
        state = RecentPublishes.of(state).remember(1, 1000L);
        state = RecentPublishes.of(state).remember(RecentPublishes.CAPACITY + 1, 5L);

        RecentPublishes recent = RecentPublishes.of(state);
        assertThat(recent.isResend(1, 1000L)).isTrue();
        assertThat(recent.isResend(2, 2L)).isFalse();
        assertThat(recent.isResend(3, 3L)).isTrue();
    }
}
