package io.gull.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.gull.devstack.EdgeEndpoint;
import io.gull.devstack.Endpoints;
import io.gull.devstack.StackConfig;

class UpBannerTest {
    private static final StackConfig CONFIG = StackConfig.defaults(Path.of("/opt/gull"), Path.of("/tmp/gull-data"));

    private static String banner(Endpoints endpoints, StackConfig config) {
        StringWriter out = new StringWriter();
        UpBanner.print(new PrintWriter(out), endpoints, config, true);
        return out.toString();
    }

    private static Endpoints endpoints(EdgeEndpoint... edges) {
        return new Endpoints("127.0.0.1:9092", "127.0.0.1:9042", "http://127.0.0.1:8081", List.of(edges));
    }

    @Test
    void shouldShowTheOneEdgeAsBefore() {
        String banner = banner(endpoints(new EdgeEndpoint("edge", "edge-1", "tcp://127.0.0.1:1883")), CONFIG);

        assertThat(banner).contains("  MQTT           tcp://127.0.0.1:1883\n").doesNotContain("Anonymous");
    }

    @Test
    void shouldListEveryEdgeWithItsId() {
        String banner = banner(endpoints(new EdgeEndpoint("edge", "edge-1", "tcp://127.0.0.1:1883"),
                new EdgeEndpoint("edge-2", "edge-2", "tcp://127.0.0.1:1884")), CONFIG.withEdges(2));

        assertThat(banner).contains("  MQTT           tcp://127.0.0.1:1883  (edge-1)\n",
                "  MQTT           tcp://127.0.0.1:1884  (edge-2)\n");
    }

    @Test
    void shouldSayWhenDevicesMayConnectWithoutCredentials() {
        String banner = banner(endpoints(new EdgeEndpoint("edge", "edge-1", "tcp://127.0.0.1:1883")),
                CONFIG.withAllowAnonymous(true));

        assertThat(banner).contains("Anonymous      allowed (--allow-anonymous): devices may connect without credentials");
    }
}
