package io.gull.flink.session;

import java.util.Map;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;

import io.gull.flink.auth.AuthTypes;
import io.gull.flink.auth.DeviceChange;
import io.gull.schemas.avro.AuthRequest;
import io.gull.schemas.avro.SessionEvent;

/**
 * One input of the sessions operator, keyed by client id: exactly one of a registry change (gull.devices), an auth
 * request with the broker's append time (gull.auth.requests) or a session event (gull.sessions). Only in flight,
 * never in state.
 *
 * @param appendedAt auth requests: the Kafka record timestamp (gull.auth.requests uses LogAppendTime), else 0
 */
public record SessionInput(DeviceChange deviceChange, AuthRequest authRequest, long appendedAt, SessionEvent event) {

    public static final TypeInformation<SessionInput> TYPE = Types.POJO(SessionInput.class, Map.of(
            "deviceChange", DeviceChange.TYPE,
            "authRequest", AuthTypes.AUTH_REQUEST,
            "appendedAt", Types.LONG,
            "event", new AvroTypeInfo<>(SessionEvent.class)));

    public static SessionInput of(DeviceChange change) {
        return new SessionInput(change, null, 0, null);
    }

    public static SessionInput of(AuthRequest request, long appendedAt) {
        return new SessionInput(null, request, appendedAt, null);
    }

    public static SessionInput of(SessionEvent event) {
        return new SessionInput(null, null, 0, event);
    }

    /** The key: the client id (= device id). */
    public String clientId() {
        if (deviceChange != null) {
            return deviceChange.deviceId();
        }
        return authRequest != null ? authRequest.getClientId() : event.getClientId();
    }
}
