package io.gull.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;

/** The sessions job's graph, built without running it: what a restore relies on, and how its tasks are chained. */
class SessionsJobGraphTest {

    @Test
    void shouldKeepEveryUidOfTheDeviceAuthJobAndGiveEveryOperatorAStableUid() {
        // given, when
        StreamGraph graph = sessionsJob().getStreamGraph();

        // then the device-auth job's operators are all there, under the same uids
        List<String> uids = graph.getStreamNodes().stream().map(StreamNode::getTransformationUID)
                .filter(Objects::nonNull).toList();
        assertThat(uids).contains("devices-source", "auth-requests-source", "decode-device-changes",
                "decode-auth-requests", "device-auth", "deadletter-sink", "sessions-source", "decode-session-events",
                "split-acks", "ingress-source", "decode-publishes", "commands-source", "decode-commands", "edges-source",
                "decode-heartbeats", "presence-by-edge", "kicks-by-edge", "edge-liveness");
        assertThat(uids).anyMatch(uid -> uid.startsWith("edge-inboxes-sink"));
        assertThat(uids).anyMatch(uid -> uid.startsWith("wills-sink"));
        assertThat(uids).anyMatch(uid -> uid.startsWith("dead-edges-sink"));
        // and no operator relies on a generated id (it would change with the graph)
        assertThat(graph.getStreamNodes()).allSatisfy(node ->
                assertThat(node.getTransformationUID()).as(node.getOperatorName()).isNotNull());
    }

    @Test
    void shouldReachDeliveryInOneNetworkExchangeFromMatch() {
        // given, when
        List<String> tasks = new ArrayList<>();
        sessionsJob().getStreamGraph().getJobGraph().getVertices().forEach(vertex -> tasks.add(vertex.getName()));

        // then match's output is made a delivery input in match's own task, not in a task of its own
        assertThat(tasks).anyMatch(task -> task.startsWith("match ->") && task.contains("routing-matches-input"));
        assertThat(tasks).noneMatch(task -> task.startsWith("routing-matches-input"));
    }

    /** The sessions job with its default arguments, built into an environment (not run). */
    private static StreamExecutionEnvironment sessionsJob() {
        JobArgs args = JobArgs.defaults();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(
                JobEnvironment.configuration(args));
        new SessionsJob(SessionsJob.Io.kafka("127.0.0.1:9"), args.sessionConfig(), args.routingConfig()).build(env);
        return env;
    }
}
