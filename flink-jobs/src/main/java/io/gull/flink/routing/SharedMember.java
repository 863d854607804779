package io.gull.flink.routing;

import java.util.Map;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

import io.gull.schemas.avro.Subscription;

/**
 * A member of a shared subscription ({@code subscription.filter} = {@code $share/<group>/<filter>}) joined or came
 * online (ONLINE), went offline with its session kept (OFFLINE), or left: unsubscribed or its session ended (LEFT).
 * From the sessions operator to the shared-group operator.
 */
public record SharedMember(String tenant, String clientId, Subscription subscription, Status status) {

    public enum Status { ONLINE, OFFLINE, LEFT }

    public static final TypeInformation<SharedMember> TYPE = Types.POJO(SharedMember.class, Map.of(
            "tenant", Types.STRING,
            "clientId", Types.STRING,
            "subscription", RoutingTypes.SUBSCRIPTION,
            "status", Types.ENUM(Status.class)));

    /** The key of its shared subscription. */
    public String group() {
        return RoutingKeys.sharedSubscription(tenant, subscription.getFilter());
    }
}
