package io.gull.flink.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;

import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

import io.gull.flink.auth.AuthFixtures;
import io.gull.flink.auth.CredentialCheck;
import io.gull.flink.auth.DeviceChange;
import io.gull.flink.auth.EdgeReply;
import io.gull.flink.auth.PendingAuth;
import io.gull.flink.decode.DeadLetter;
import io.gull.flink.session.Session;
import io.gull.flink.session.SessionFixtures;
import io.gull.flink.session.SessionInput;
import io.gull.schemas.avro.AuthDecision;

/** Every record type that crosses the network or sits in state survives Flink's serializers (no Kryo). */
class TypeInformationTest {

    @Test
    void shouldRoundTripRawRecordsIncludingTombstones() throws IOException {
        RawRecord tombstone = roundTrip(RawRecord.TYPE, new RawRecord("gull.devices", 2, 9, 1234, new byte[] {1}, null));

        assertThat(tombstone.topic()).isEqualTo("gull.devices");
        assertThat(tombstone.offset()).isEqualTo(9);
        assertThat(tombstone.key()).containsExactly(1);
        assertThat(tombstone.value()).isNull();
    }

    @Test
    void shouldRoundTripDeviceChangesAndDeletions() throws IOException {
        DeviceChange registered = DeviceChange.registered(AuthFixtures.device("dev1", "pw", "acme"));

        assertThat(roundTrip(DeviceChange.TYPE, registered)).isEqualTo(registered);
        assertThat(roundTrip(DeviceChange.TYPE, DeviceChange.deleted("dev1"))).isEqualTo(DeviceChange.deleted("dev1"));
    }

    @Test
    void shouldRoundTripRepliesAndPendingRequests() throws IOException {
        EdgeReply reply = CredentialCheck.unknownDevice(AuthFixtures.request("r1", "dev1", null, "pw"),
                Instant.ofEpochMilli(5));
        PendingAuth pending = new PendingAuth(AuthFixtures.request("r2", "dev1", "dev1", "pw"), 77, 1234);

        EdgeReply copy = roundTrip(EdgeReply.TYPE, reply);
        assertThat(((AuthDecision) copy.message().getBody()).getDecidedAt()).isEqualTo(Instant.ofEpochMilli(5));
        assertThat(copy).isEqualTo(reply);
        assertThat(roundTrip(PendingAuth.TYPE, pending)).isEqualTo(pending);
    }

    @Test
    void shouldRoundTripSessionsWithAndWithoutAWill() throws IOException {
        Session online = new Session("acme", "edge-1", "c1", true, 5, 60, 20, null, Session.NONE, Session.NONE);
        Session waiting = new Session("acme", "edge-1", "c1", false, 5, 60, 20, SessionFixtures.will("status", 10),
                1_000, 60_000);

        assertThat(roundTrip(Session.TYPE, online)).isEqualTo(online);
        assertThat(roundTrip(Session.TYPE, waiting)).isEqualTo(waiting);
    }

    @Test
    void shouldRoundTripEveryKindOfSessionInput() throws IOException {
        SessionInput change = SessionInput.of(DeviceChange.deleted("dev1"));
        SessionInput request = SessionInput.of(AuthFixtures.request("r1", "dev1", null, "pw"), 1234);
        SessionInput event = SessionInput.of(SessionFixtures.disconnected("edge-1", "c1", true));

        assertThat(roundTrip(SessionInput.TYPE, change)).isEqualTo(change);
        assertThat(roundTrip(SessionInput.TYPE, request)).isEqualTo(request);
        assertThat(roundTrip(SessionInput.TYPE, event)).isEqualTo(event);
        assertThat(roundTrip(SessionInput.TYPE, event).clientId()).isEqualTo("dev1");
    }

    @Test
    void shouldRoundTripDeadLetters() throws IOException {
        DeadLetter letter = new DeadLetter("gull.ingress", 0, 1, null, new byte[] {3}, "why");

        DeadLetter copy = roundTrip(DeadLetter.TYPE, letter);

        assertThat(copy.reason()).isEqualTo("why");
        assertThat(copy.value()).containsExactly(3);
        assertThat(copy.key()).isNull();
    }

    private static <T> T roundTrip(TypeInformation<T> type, T value) throws IOException {
        TypeSerializer<T> serializer = type.createSerializer(new SerializerConfigImpl());
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(value, out);
        return serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    }
}
