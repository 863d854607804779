package io.gull.flink.auth;

import java.util.Map;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

import io.gull.schemas.avro.EdgeMessage;

/** A message for one edge's inbox (topic gull.edge.&lt;edgeId&gt;, key clientId). */
public record EdgeReply(String edgeId, String clientId, EdgeMessage message) {

    public static final TypeInformation<EdgeReply> TYPE = Types.POJO(EdgeReply.class, Map.of(
            "edgeId", Types.STRING,
            "clientId", Types.STRING,
            "message", AuthTypes.EDGE_MESSAGE));
}
