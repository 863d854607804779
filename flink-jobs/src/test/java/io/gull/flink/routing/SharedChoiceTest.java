package io.gull.flink.routing;

import static io.gull.flink.routing.RoutingFixtures.member;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class SharedChoiceTest {
    private static final String FILTER = "$share/g/a/+";
    private static final SharedMember A = member("t", "a", FILTER, SharedMember.Status.ONLINE);
    private static final SharedMember B = member("t", "b", FILTER, SharedMember.Status.OFFLINE);
    private static final SharedMember C = member("t", "c", FILTER, SharedMember.Status.ONLINE);

    @Test
    void shouldTakeOnlineMembersInTurn() {
        assertThat(chosen(List.of(C, A, B), null, null)).contains("a");
        assertThat(chosen(List.of(C, A, B), "a", null)).contains("c");
        assertThat(chosen(List.of(C, A, B), "c", null)).contains("a");
    }

    @Test
    void shouldGiveAHandedBackMessageToAnotherMember() {
        assertThat(chosen(List.of(A, C), "a", "c")).contains("a");
        assertThat(chosen(List.of(A, B), null, "a")).contains("b"); // offline, its session queues it
    }

    @Test
    void shouldGiveItBackToTheSameMemberOnlyWhenNoOtherIsLeft() {
        SharedMember alone = member("t", "a", FILTER, SharedMember.Status.OFFLINE);
        assertThat(chosen(List.of(alone), null, "a")).contains("a");
        assertThat(chosen(List.of(), null, "a")).isEmpty();
    }

    @Test
    void shouldQueueForAnOfflineMemberWhenNoneIsOnline() {
        assertThat(chosen(List.of(B), null, null)).contains("b");
    }

    @Test
    void shouldGiveUpAfterTooManyHandBacks() {
        assertThat(SharedChoice.choose(List.of(A, C), null, "c", SharedChoice.MAX_HOPS + 1)).isEmpty();
    }

    private static Optional<String> chosen(List<SharedMember> members, String last, String from) {
        return SharedChoice.choose(members, last, from, from == null ? 0 : 1).map(SharedMember::clientId);
    }
}
