package io.gull.flink.routing;

import static io.gull.flink.routing.RoutingFixtures.acked;
import static io.gull.flink.routing.RoutingFixtures.command;
import static io.gull.flink.routing.RoutingFixtures.handoff;
import static io.gull.flink.routing.RoutingFixtures.member;
import static io.gull.flink.routing.RoutingFixtures.online;
import static io.gull.flink.routing.RoutingFixtures.publish;
import static io.gull.flink.routing.RoutingFixtures.subscribed;
import static io.gull.flink.routing.RoutingFixtures.subscription;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;

import io.gull.flink.auth.EdgeReply;
import io.gull.schemas.avro.SharedHandoff;

/** Routing.build wires the three operators with stable uids and explicit types only. */
class RoutingTest {

    @Test
    void shouldWireMatchRetainedAndDeliveryWithStableUidsAndNoGenericTypes() {
        // given an environment that refuses Kryo, as the jobs' (JobEnvironment)
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);

        // when
        var replies = Routing.build(
                env.fromData(RoutingTypes.PUBLISH, publish("t", "pub", "a/b", 1)),
                env.fromData(SubscriptionChange.TYPE, subscribed("t", "sub", subscription("a/+", 1))),
                env.fromData(RetainedRequest.TYPE, new RetainedRequest("t", "sub", subscription("#", 1))),
                env.fromData(Presence.TYPE, online("sub", "c1", 10, false)),
                env.fromData(RoutingTypes.SESSION_EVENT, acked("sub")),
                env.fromData(RoutingTypes.COMMAND, command("sub", "cmd", 1, null)),
                env.fromData(SharedMember.TYPE, member("elsewhere", "m", "$share/g/a/b", SharedMember.Status.ONLINE)),
                env.fromData(new AvroTypeInfo<>(SharedHandoff.class), handoff("elsewhere", "$share/g/a/b", "m", "h1")),
                RoutingConfig.DEFAULTS);
        replies.deliveries().sinkTo(new org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink<>());
        replies.handoffs().sinkTo(new org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink<>());
        StreamGraph graph = env.getStreamGraph(); // creates every serializer: fails on a generic type

        // then
        assertThat(replies.deliveries().getType()).isEqualTo(EdgeReply.TYPE);
        Set<String> uids = graph.getStreamNodes().stream().map(StreamNode::getTransformationUID)
                .filter(uid -> uid != null).collect(Collectors.toSet());
        assertThat(uids).contains(Routing.MATCH_UID, Routing.RETAINED_UID, Routing.SHARED_UID, Routing.DELIVERY_UID);
        assertThat(graph.getStreamNodes()).filteredOn(node -> node.getTransformationUID() != null
                && List.of("match", "retained", "shared-groups", "delivery").contains(node.getTransformationUID()))
                .extracting(StreamNode::getOperatorName)
                .containsExactlyInAnyOrder("match", "retained", "shared-groups", "delivery");
    }
}
