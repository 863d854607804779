package io.gull.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class CliEnvironmentTest {

    @Test
    void shouldDefaultTheDataDirToDotGullInGullHome() {
        CliEnvironment environment = CliEnvironment.fromSystem(Map.of(), "/opt/gull");
        assertThat(environment.dataDir(Optional.empty())).isEqualTo(Path.of("/opt/gull/.gull"));
    }

    @Test
    void shouldPreferTheEnvironmentVariableOverTheDefault() {
        CliEnvironment environment = CliEnvironment.fromSystem(Map.of("GULL_DATA_DIR", "/data/gull"), "/opt/gull");
        assertThat(environment.dataDir(Optional.empty())).isEqualTo(Path.of("/data/gull"));
    }

    @Test
    void shouldPreferTheOptionOverEverything() {
        CliEnvironment environment = CliEnvironment.fromSystem(Map.of("GULL_DATA_DIR", "/data/gull"), "/opt/gull");
        assertThat(environment.dataDir(Optional.of(Path.of("/elsewhere")))).isEqualTo(Path.of("/elsewhere"));
    }

    @Test
    void shouldTurnOnDebugOnlyForNonZeroValues() {
        assertThat(CliEnvironment.fromSystem(Map.of("GULL_DEBUG", "1"), "/x").debug()).isTrue();
        assertThat(CliEnvironment.fromSystem(Map.of("GULL_DEBUG", "0"), "/x").debug()).isFalse();
        assertThat(CliEnvironment.fromSystem(Map.of(), "/x").debug()).isFalse();
    }
}
