package io.gull.flink.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

/** Packet ids: 1-65535, round robin, skipping those still in flight. */
class PacketIdsTest {

    @Test
    void shouldCountUpAndWrapAroundWithinOneTo65535() {
        assertThat(PacketIds.after(1)).isEqualTo(2);
        assertThat(PacketIds.after(65_535)).isEqualTo(1);
        assertThat(PacketIds.after(0)).isEqualTo(1);
    }

    @Test
    void shouldSkipIdsInUse() {
        // given ids 5 and 6 in flight
        Set<Integer> inUse = Set.of(5, 6);

        // then
        assertThat(PacketIds.firstFree(5, inUse::contains)).isEqualTo(7);
        assertThat(PacketIds.firstFree(4, inUse::contains)).isEqualTo(4);
    }

    @Test
    void shouldWrapAroundWhenTheTopIdsAreInUse() {
        assertThat(PacketIds.firstFree(65_535, id -> id == 65_535)).isEqualTo(1);
    }

    @Test
    void shouldSayWhenEveryIdIsInUse() {
        assertThat(PacketIds.firstFree(1, id -> true)).isEqualTo(-1);
    }
}
