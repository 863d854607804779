package io.gull.flink.routing;

import static io.gull.flink.routing.RoutingFixtures.acked;
import static io.gull.flink.routing.RoutingFixtures.command;
import static io.gull.flink.routing.RoutingFixtures.match;
import static io.gull.flink.routing.RoutingFixtures.online;
import static io.gull.flink.routing.RoutingFixtures.publish;
import static io.gull.flink.routing.RoutingFixtures.subscribed;
import static io.gull.flink.routing.RoutingFixtures.subscription;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** Every routing type that crosses the network or sits in state survives Flink's serializers, nulls included. */
class RoutingTypesTest {

    @Test
    void shouldRoundTripTheUnionInputsWithTheirEmptyBranches() throws IOException {
        MatchInput publish = MatchInput.ofPublish(publish("t", "pub", "a/b", 1));
        MatchInput change = MatchInput.ofChange(subscribed("t", "sub", subscription("a/b", 1, 3)));
        RetainedInput request = RetainedInput.ofRequest(new RetainedRequest("t", "sub", subscription("a/#", 2)));

        assertThat(roundTrip(MatchInput.TYPE, publish)).isEqualTo(publish);
        assertThat(roundTrip(MatchInput.TYPE, change)).isEqualTo(change);
        assertThat(roundTrip(RetainedInput.TYPE, request)).isEqualTo(request);
        for (DeliveryInput input : List.of(DeliveryInput.ofMatch(match("sub", "m1", 1)),
                DeliveryInput.ofPresence(online("sub", "c1", 10, true)),
                DeliveryInput.ofAcks(acked("sub")),
                DeliveryInput.ofCommand(command("sub", "cmd", 1, 5L)))) {
            assertThat(roundTrip(DeliveryInput.TYPE, input)).isEqualTo(input);
        }
    }

    @Test
    void shouldRoundTripTheDeliveryState() throws IOException {
        QueuedMessage queued = QueuedMessage.of(match("sub", "m1", 2)).sent(7);
        QueuedMessage copy = roundTrip(QueuedMessage.TYPE, queued);

        assertThat(copy.message().payload()).isEqualTo(queued.message().payload());
        assertThat(copy.message().messageId()).isEqualTo("m1");
        assertThat(copy.state()).isEqualTo(QueuedState.SENT);
        assertThat(copy.packetId()).isEqualTo(7);
        assertThat(copy.expiresAt()).isNull();
        assertThat(copy.subscriptionIds()).containsExactly(7);
        assertThat(roundTrip(QueueCounters.TYPE, QueueCounters.EMPTY)).isEqualTo(QueueCounters.EMPTY);
        SessionPresence presence = new SessionPresence("e", "c", 10, true, true);
        assertThat(roundTrip(SessionPresence.TYPE, presence)).isEqualTo(presence);
    }

    private static <T> T roundTrip(TypeInformation<T> type, T value) throws IOException {
        TypeSerializer<T> serializer = type.createSerializer(new SerializerConfigImpl());
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(value, out);
        return serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    }
}
