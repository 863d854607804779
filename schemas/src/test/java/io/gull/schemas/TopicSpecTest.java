package io.gull.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.NoSuchElementException;

import org.junit.jupiter.api.Test;

class TopicSpecTest {

    @Test
    void shouldKeepTheDeviceRegistryCompacted() {
        assertThat(TopicSpec.of(Topics.DEVICES).configs()).containsEntry("cleanup.policy", "compact");
    }

    @Test
    void shouldKeepAuthRequestsWhichCarryPasswordsAnHourAtMost() {
        assertThat(TopicSpec.of(Topics.AUTH_REQUESTS).configs()).containsEntry("retention.ms", "3600000");
    }

    @Test
    void shouldDescribeEverySharedTopicOnce() {
        assertThat(TopicSpec.SHARED).extracting(TopicSpec::name).containsExactlyInAnyOrder(
                Topics.INGRESS, Topics.SESSIONS, Topics.AUTH_REQUESTS, Topics.DEVICES, Topics.COMMANDS,
                Topics.SHARED_HANDOFFS, Topics.DEADLETTER, Topics.EDGES);
        assertThat(TopicSpec.SHARED).allSatisfy(spec -> assertThat(spec.partitions()).isPositive());
    }

    @Test
    void shouldRefuseATopicThatIsNotShared() {
        assertThatThrownBy(() -> TopicSpec.of(Topics.edgeInbox("edge-1"))).isInstanceOf(NoSuchElementException.class);
    }
}
