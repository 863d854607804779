package io.gull.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class NoiseCheckTest {
    private static TargetResult withLag(String target, double lagMs) {
        return new TargetResult(target, 1000, 1000, 30, 1, 1, LatencySummary.EMPTY, 0, 0, 0, 0, lagMs, 10);
    }

    @Test
    void aQuietMachineAndAPunctualGeneratorGiveNoWarnings() {
        assertThat(NoiseCheck.warnings("0.20 0.30 0.40", "0.90 0.50 0.40", List.of(withLag("mosquitto", 1.2)))).isEmpty();
    }

    @Test
    void aBusyMachineIsCalledNoise() {
        assertThat(NoiseCheck.warnings("0.20 0.30 0.40", "3.50 2.00 1.00", List.of()))
                .singleElement().asString().contains("busy").contains("3.50 at end");
    }

    @Test
    void aLateGeneratorIsNamedPerTarget() {
        assertThat(NoiseCheck.warnings("0.1 0.1 0.1", "0.1 0.1 0.1", List.of(withLag("mosquitto", 2), withLag("gull", 40))))
                .singleElement().asString().contains("40.0 ms").contains("gull run");
    }

    @Test
    void anUnknownLoadAverageWarnsOfNothing() {
        assertThat(NoiseCheck.warnings("?", "?", List.of())).isEmpty();
    }
}
