package io.gull.flink.routing;

import java.util.Map;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

import io.gull.schemas.avro.Publish;

/**
 * The keyed input of the retained operator, key tenant + first topic level: a publish with RETAIN set, or a
 * request whose filter starts with a plain level (one shard holds all it can match). Exactly one is set.
 */
public record RetainedInput(Publish publish, RetainedRequest request) {

    public static final TypeInformation<RetainedInput> TYPE = Types.POJO(RetainedInput.class, Map.of(
            "publish", RoutingTypes.PUBLISH,
            "request", RetainedRequest.TYPE));

    public static RetainedInput ofPublish(Publish publish) {
        return new RetainedInput(publish, null);
    }

    public static RetainedInput ofRequest(RetainedRequest request) {
        return new RetainedInput(null, request);
    }

    public String key() {
        return publish != null
                ? RoutingKeys.retainedShard(publish.getTenant(), publish.getTopic())
                : RoutingKeys.retainedShard(request.tenant(), request.subscription().getFilter());
    }
}
