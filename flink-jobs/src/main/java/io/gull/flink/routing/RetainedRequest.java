package io.gull.flink.routing;

import java.util.Map;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;

import io.gull.schemas.avro.Subscription;

/**
 * The retained messages a new subscription is to receive (the sessions operator applied Retain Handling already),
 * from the sessions operator to the retained-message operator. Never for a shared subscription (MQTT 5.0 section
 * 4.8.2: retained messages are not sent to shared subscriptions).
 */
public record RetainedRequest(String tenant, String clientId, Subscription subscription) {

    public static final TypeInformation<RetainedRequest> TYPE = Types.POJO(RetainedRequest.class, Map.of(
            "tenant", Types.STRING,
            "clientId", Types.STRING,
            "subscription", new AvroTypeInfo<>(Subscription.class)));
}
