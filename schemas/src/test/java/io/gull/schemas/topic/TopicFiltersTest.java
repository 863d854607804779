package io.gull.schemas.topic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TopicFiltersTest {

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
            "a/b/c, a/b/c, true",
            "a/b/c, a/b, false",
            "a/b, a/b/c, false",
            "a/+/c, a/b/c, true",
            "a/+/c, a/b/d, false",
            "a/+, a/b/c, false",
            "+/+, a/b, true",
            "+, a, true",
            "+, a/b, false",
            "a/#, a, true",
            "a/#, a/b/c, true",
            "a/#, ab, false",
            "#, a/b/c, true",
            "#, $SYS/x, false",
            "+/x, $SYS/x, false",
            "$SYS/#, $SYS/x, true",
            "$SYS/+, $SYS/x, true",
            "sport/+, sport/, true",
            "+/+, /finance, true",
            "/+, /finance, true",
            "+, /finance, false",
            "a/b/c, a/b/cd, false",
            "a/bc, a/b, false",
    })
    void shouldMatchTopicsAsTheSpecSays(String filter, String topic, boolean expected) {
        assertThat(TopicFilters.matches(filter, topic)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/#/b", "a+", "a/b#", "#/a", "", "a/+b", "$share/g", "$share//a", "$share/g+/a", "$share/g/",
            "$share/g/a/#/b", "a\u0000b"})
    void shouldRejectInvalidFilters(String filter) {
        assertThat(TopicFilters.filterProblem(filter)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "a/b", "+", "#", "a/+/#", "/", "//", "$SYS/#", "$share/g/a/+", "$share/g/#", "sport/+/player1"})
    void shouldAcceptValidFilters(String filter) {
        assertThat(TopicFilters.filterProblem(filter)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a/+", "a/#", "a\u0000"})
    void shouldRejectInvalidTopicNames(String topic) {
        assertThat(TopicFilters.topicNameProblem(topic)).isPresent();
    }

    @org.junit.jupiter.api.Test
    void shouldSplitASharedFilterIntoGroupAndFilter() {
        assertThat(TopicFilters.shared("$share/workers/jobs/+")).contains(new TopicFilters.SharedFilter("workers", "jobs/+"));
        assertThat(TopicFilters.shared("jobs/+")).isEmpty();
        assertThat(TopicFilters.topicPart("$share/workers/jobs/+")).isEqualTo("jobs/+");
        assertThat(TopicFilters.topicPart("jobs/+")).isEqualTo("jobs/+");
        assertThat(TopicFilters.firstLevel("a/b/c")).isEqualTo("a");
        assertThat(TopicFilters.firstLevel("/x")).isEmpty();
        assertThat(TopicFilters.firstLevel("solo")).isEqualTo("solo");
    }
}
