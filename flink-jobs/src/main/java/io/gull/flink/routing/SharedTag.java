package io.gull.flink.routing;

import java.util.Map;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * Marks a message a subscriber got through a shared subscription, so that it can be handed to another member.
 *
 * @param group {@link RoutingKeys#sharedSubscription}: tenant and {@code $share/<group>/<filter>}
 * @param hops  how often it was handed on already (the group operator gives up after {@link SharedChoice#MAX_HOPS})
 */
public record SharedTag(String group, int hops) {

    public static final TypeInformation<SharedTag> TYPE = Types.POJO(SharedTag.class, Map.of(
            "group", Types.STRING,
            "hops", Types.INT));
}
