package io.gull.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void shouldNameEachEdgesInboxAfterTheEdge() {
        assertThat(Topics.edgeInbox("edge-1")).isEqualTo("gull.edge.edge-1");
    }

    @Test
    void shouldRejectEdgeIdsThatAreNotValidTopicNames() {
        assertThatThrownBy(() -> Topics.edgeInbox("edge/1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Topics.edgeInbox("")).isInstanceOf(IllegalArgumentException.class);
    }
}
