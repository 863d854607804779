package io.gull.flink.session;

import java.util.Map;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;

import io.gull.flink.routing.Presence;
import io.gull.schemas.avro.EdgeHeartbeat;
import io.gull.schemas.avro.Kick;

/**
 * One input of the edge-liveness operator, keyed by edge id: exactly one of a heartbeat (gull.edges), a presence of a
 * session on that edge, or a kick of one of its connections (both from the sessions operator). Only in flight.
 */
public record LivenessInput(String edgeId, EdgeHeartbeat heartbeat, Presence presence, Kick kick) {

    public static final TypeInformation<LivenessInput> TYPE = Types.POJO(LivenessInput.class, Map.of(
            "edgeId", Types.STRING,
            "heartbeat", new AvroTypeInfo<>(EdgeHeartbeat.class),
            "presence", Presence.TYPE,
            "kick", new AvroTypeInfo<>(Kick.class)));

    public static LivenessInput of(EdgeHeartbeat heartbeat) {
        return new LivenessInput(heartbeat.getEdgeId(), heartbeat, null, null);
    }

    public static LivenessInput of(Presence presence) {
        return new LivenessInput(presence.edgeId(), null, presence, null);
    }

    public static LivenessInput kicked(String edgeId, Kick kick) {
        return new LivenessInput(edgeId, null, null, kick);
    }
}
