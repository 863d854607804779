package io.gull.flink.routing;

import static io.gull.flink.routing.RoutingFixtures.acked;
import static io.gull.flink.routing.RoutingFixtures.command;
import static io.gull.flink.routing.RoutingFixtures.delivery;
import static io.gull.flink.routing.RoutingFixtures.handoff;
import static io.gull.flink.routing.RoutingFixtures.member;
import static io.gull.flink.routing.RoutingFixtures.online;
import static io.gull.flink.routing.RoutingFixtures.publish;
import static io.gull.flink.routing.RoutingFixtures.subscribed;
import static io.gull.flink.routing.RoutingFixtures.subscription;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.gull.flink.auth.EdgeReply;
import io.gull.schemas.avro.SharedHandoff;

/**
 * Routing.build runs on a mini cluster at parallelism 2 (records cross the network with their serializers, the
 * retained requests broadcast to every subtask). The inputs race each other (a Match may reach the delivery
 * operator before the session's Presence and is then dropped), so this checks what is sent, not how much: the
 * operators' rules are specified by their harness tests.
 */
class RoutingPipelineTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    @Test
    void shouldRunAndSendOnlyWhatTheSubscriberIsOwed() throws Exception {
        // given
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);

        // when
        List<EdgeReply> replies = Routing.build(
                env.fromData(RoutingTypes.PUBLISH,
                        publish("t", "pub", "a/b", 1, false, "live", "1"),
                        publish("t", "pub", "r/x", 1, true, "retained", "2"),
                        publish("other", "pub", "a/b", 1, false, "other-tenant", "3")),
                env.fromData(SubscriptionChange.TYPE,
                        subscribed("t", "sub", subscription("a/+", 1)),
                        subscribed("t", "sub", subscription("a/b", 1))),
                env.fromData(RetainedRequest.TYPE, new RetainedRequest("t", "sub", subscription("#", 1))),
                env.fromData(Presence.TYPE, online("sub", "c1", 10, false)),
                env.fromData(RoutingTypes.SESSION_EVENT, acked("sub")),
                env.fromData(RoutingTypes.COMMAND, command("sub", "cmd", 1, null)),
                env.fromData(SharedMember.TYPE, member("elsewhere", "m", "$share/g/a/b", SharedMember.Status.ONLINE)),
                env.fromData(new AvroTypeInfo<>(SharedHandoff.class), handoff("elsewhere", "$share/g/a/b", "m", "h1")),
                RoutingConfig.DEFAULTS).deliveries().executeAndCollect(100);

        // then
        assertThat(replies).allSatisfy(reply -> {
            assertThat(reply.edgeId()).isEqualTo("edge-c1");
            assertThat(reply.clientId()).isEqualTo("sub");
            assertThat(delivery(reply).getConnectionId()).isEqualTo("c1");
            assertThat(delivery(reply).getMessageId()).matches("live|retained(/retained@\\d+)?|cmd");
        });
        assertThat(replies).extracting(reply -> delivery(reply).getMessageId()).doesNotHaveDuplicates();
    }
}
