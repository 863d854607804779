package io.gull.flink.edges;

import java.util.Map;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;

import io.gull.schemas.avro.EdgeHeartbeat;
import io.gull.schemas.avro.SessionEvent;

/**
 * What the edge-liveness operator learns about one edge: a heartbeat from {@code gull.edges}, or a connection
 * opening or closing on it (a CONNECTED / DISCONNECTED {@code SessionEvent} from {@code gull.sessions}). Exactly one
 * of the two is set.
 */
public record EdgeSignal(String edgeId, EdgeHeartbeat heartbeat, SessionEvent connection) {

    public static final TypeInformation<EdgeSignal> TYPE = Types.POJO(EdgeSignal.class, Map.of(
            "edgeId", Types.STRING,
            "heartbeat", new AvroTypeInfo<>(EdgeHeartbeat.class),
            "connection", new AvroTypeInfo<>(SessionEvent.class)));

    public static EdgeSignal of(EdgeHeartbeat heartbeat) {
        return new EdgeSignal(heartbeat.getEdgeId(), heartbeat, null);
    }

    public static EdgeSignal of(SessionEvent connection) {
        return new EdgeSignal(connection.getEdgeId(), null, connection);
    }
}
