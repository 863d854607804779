package io.gull.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackPropertiesTest {
    @TempDir
    Path dataDir;

    @Test
    void shouldRecordEveryEdgeOfTheStackWithItsEndpoint() {
        StackConfig config = StackConfig.defaults(Path.of("/opt/gull"), dataDir).withEdges(2);

        StackProperties.write(config);

        Endpoints recorded = Endpoints.load(dataDir).orElseThrow();
        assertThat(recorded).isEqualTo(Endpoints.of(config));
        assertThat(recorded.edges()).containsExactly(
                new EdgeEndpoint("edge", "edge-1", "tcp://127.0.0.1:1883"),
                new EdgeEndpoint("edge-2", "edge-2", "tcp://127.0.0.1:1884"));
        assertThat(StackProperties.read(dataDir).orElseThrow().edges()).isEqualTo(config.edges());
    }

    @Test
    void shouldAddAnEdgeAfterTheStacksOwnAndForgetItAgain() {
        StackConfig config = StackConfig.defaults(Path.of("/opt/gull"), dataDir).withAllowAnonymous(true);
        StackProperties.write(config);
        LocalEdge added = LocalEdge.added("e2", 1884, true);

        StackProperties.read(dataDir).orElseThrow().withEdge(added, "127.0.0.1").save(dataDir);

        assertThat(StackProperties.read(dataDir).orElseThrow().edges())
                .containsExactly(new LocalEdge("edge", "edge-1", 1883, true), added);
        assertThat(Endpoints.load(dataDir).orElseThrow().edge("e2").map(EdgeEndpoint::mqtt))
                .contains("tcp://127.0.0.1:1884");

        StackProperties.read(dataDir).orElseThrow().withoutEdge("edge-e2").save(dataDir);

        assertThat(StackProperties.read(dataDir).orElseThrow().edges()).extracting(LocalEdge::service)
                .containsExactly("edge");
    }

    @Test
    void shouldReadTheOneEdgeOfAFileWrittenBeforeThereWereSeveral() throws Exception {
        Files.writeString(dataDir.resolve("stack.properties"), String.join("\n",
                "kafka.bootstrap=127.0.0.1:19092", "cassandra.contact-point=127.0.0.1:19042",
                "flink.rest-url=http\\://127.0.0.1\\:18081", "mqtt.url=tcp\\://127.0.0.1\\:11883", "mqtt.port=11883",
                "edge.id=edge-1", ""));

        assertThat(StackProperties.read(dataDir).orElseThrow().edges())
                .containsExactly(new LocalEdge("edge", "edge-1", 11883, false));
        assertThat(Endpoints.load(dataDir).orElseThrow().mqtt()).isEqualTo("tcp://127.0.0.1:11883");
    }

    @Test
    void shouldKeepTheFirstEdgesEndpointWhereOlderReadersLookForIt() throws Exception {
        StackProperties.write(StackConfig.defaults(Path.of("/opt/gull"), dataDir).withEdges(2));

        List<String> lines = Files.readAllLines(dataDir.resolve("stack.properties"));

        assertThat(lines).contains("mqtt.port=1883", "edge.id=edge-1", "edges=edge,edge-2");
    }
}
