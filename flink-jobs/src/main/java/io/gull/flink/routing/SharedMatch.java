package io.gull.flink.routing;

import java.util.Map;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

import io.gull.schemas.avro.Publish;

/**
 * A message for one shared subscription (to one of its members), from the match operator or handed back by a
 * member's delivery operator.
 *
 * @param group {@link RoutingKeys#sharedSubscription}
 * @param from  the member that handed it back, null for a new message
 * @param hops  how often it was handed back already
 */
public record SharedMatch(String group, Publish message, String from, int hops) {

    public static final TypeInformation<SharedMatch> TYPE = Types.POJO(SharedMatch.class, Map.of(
            "group", Types.STRING,
            "message", RoutingTypes.PUBLISH,
            "from", Types.STRING,
            "hops", Types.INT));
}
