package io.gull.flink.routing;

import java.util.Map;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;

import io.gull.schemas.avro.Subscription;

/**
 * A subscription of one session added (or replaced) or removed, from the sessions operator to the match operator.
 * {@code subscription.filter} is the filter as the client sent it ({@code $share/<group>/} prefix included).
 */
public record SubscriptionChange(String tenant, String clientId, Subscription subscription, boolean added) {

    public static final TypeInformation<SubscriptionChange> TYPE = Types.POJO(SubscriptionChange.class, Map.of(
            "tenant", Types.STRING,
            "clientId", Types.STRING,
            "subscription", new AvroTypeInfo<>(Subscription.class),
            "added", Types.BOOLEAN));
}
