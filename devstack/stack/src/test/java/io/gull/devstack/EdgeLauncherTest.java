package io.gull.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class EdgeLauncherTest {
    private static final StackConfig CONFIG = StackConfig.defaults(Path.of("/opt/gull"), Path.of("/tmp/gull-data"));

    @Test
    void shouldRequireCredentialsUnlessTheStackAllowsAnonymousDevices() {
        LocalEdge edge = CONFIG.edges().get(0);

        assertThat(EdgeLauncher.args("127.0.0.1", edge, "127.0.0.1:9092")).containsExactly("--edge-id=edge-1",
                "--mqtt.host=127.0.0.1", "--mqtt.port=1883", "--kafka.bootstrap=127.0.0.1:9092");
    }

    @Test
    void shouldLetAnonymousDevicesInWhenAllowed() {
        LocalEdge edge = CONFIG.withEdges(2).withAllowAnonymous(true).edges().get(1);

        assertThat(EdgeLauncher.args("127.0.0.1", edge, "127.0.0.1:9092"))
                .contains("--edge-id=edge-2", "--mqtt.port=1884", "--mqtt.allow-anonymous=true");
    }

    @Test
    void shouldRunEachEdgeAsAServiceOfItsOwnWithItsOwnPidFileAndLog() {
        StackLayout layout = StackLayout.of(CONFIG);
        EdgeLauncher second = new EdgeLauncher(CONFIG, layout, LocalEdge.ofStack(2, 1883, false), "127.0.0.1:9092");

        ServiceSpec spec = second.prepare();

        assertThat(second.name()).isEqualTo("edge-2");
        assertThat(second.displayName()).isEqualTo("Edge edge-2");
        assertThat(spec.pidFile()).isEqualTo(Path.of("/tmp/gull-data/run/edge-2.pid"));
        assertThat(spec.logFile()).isEqualTo(Path.of("/tmp/gull-data/logs/edge-2.log"));
        assertThat(second.ports()).containsExactly(new ServiceLauncher.PortUse("127.0.0.1", 1884, "MQTT of edge-2"));
        assertThat(second.endpoint()).isEqualTo("tcp://127.0.0.1:1884");
    }

    @Test
    void shouldNameAnAddedEdgeAfterItsId() {
        LocalEdge added = LocalEdge.added("e2", 1884, false);

        assertThat(added.service()).isEqualTo("edge-e2");
        assertThat(added.displayName()).isEqualTo("Edge e2");
    }

    @Test
    void shouldRejectAnEdgeIdThatCannotNameAKafkaTopic() {
        assertThatThrownBy(() -> LocalEdge.added("e 2", 1884, false))
                .isInstanceOf(StackException.class)
                .hasMessage("edge id must be 1-200 characters of [A-Za-z0-9._-], got: e 2");
    }
}
