package io.gull.flink.session;

import java.util.Map;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * What the edge-liveness operator knows of one edge (keyed state {@code edge}; POJO, fields may be added).
 *
 * @param incarnation the edge process of the last heartbeat
 * @param deadline    when the edge is dead without another heartbeat (processing time ms)
 * @param dead        declared dead: its connections were closed; a heartbeat brings it back
 */
public record EdgeLife(String incarnation, long deadline, boolean dead) {

    public static final TypeInformation<EdgeLife> TYPE = Types.POJO(EdgeLife.class, Map.of(
            "incarnation", Types.STRING,
            "deadline", Types.LONG,
            "dead", Types.BOOLEAN));
}
