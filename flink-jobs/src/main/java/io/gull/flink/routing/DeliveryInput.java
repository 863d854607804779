package io.gull.flink.routing;

import java.util.Map;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

import io.gull.schemas.avro.Command;
import io.gull.schemas.avro.SessionEvent;

/**
 * The input of the delivery operator, keyed by the subscriber's client id: exactly one of a Match (from match or
 * retained), a Presence, an ACKED SessionEvent or a Command (for device {@code deviceId} = client id).
 */
public record DeliveryInput(Match match, Presence presence, SessionEvent acks, Command command) {

    public static final TypeInformation<DeliveryInput> TYPE = Types.POJO(DeliveryInput.class, Map.of(
            "match", Match.TYPE,
            "presence", Presence.TYPE,
            "acks", RoutingTypes.SESSION_EVENT,
            "command", RoutingTypes.COMMAND));

    public static DeliveryInput ofMatch(Match match) {
        return new DeliveryInput(match, null, null, null);
    }

    public static DeliveryInput ofPresence(Presence presence) {
        return new DeliveryInput(null, presence, null, null);
    }

    public static DeliveryInput ofAcks(SessionEvent acks) {
        return new DeliveryInput(null, null, acks, null);
    }

    public static DeliveryInput ofCommand(Command command) {
        return new DeliveryInput(null, null, null, command);
    }

    public String clientId() {
        if (match != null) {
            return match.clientId();
        }
        if (presence != null) {
            return presence.clientId();
        }
        if (acks != null) {
            return acks.getClientId();
        }
        return command.getDeviceId();
    }
}
