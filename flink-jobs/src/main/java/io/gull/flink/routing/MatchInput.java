package io.gull.flink.routing;

import java.util.HashMap;
import java.util.Map;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

import io.gull.schemas.avro.Publish;
import io.gull.schemas.topic.TopicFilters;

/**
 * The keyed input of the match operator: a publish (keyed by tenant + topic) or a change of an exact subscription
 * (keyed by tenant + filter). Exactly one of the two is set.
 */
public record MatchInput(Publish publish, SubscriptionChange change) {

    public static final TypeInformation<MatchInput> TYPE = Types.POJO(MatchInput.class, new HashMap<>(Map.of(
            "publish", RoutingTypes.PUBLISH,
            "change", SubscriptionChange.TYPE)));

    public static MatchInput ofPublish(Publish publish) {
        return new MatchInput(publish, null);
    }

    public static MatchInput ofChange(SubscriptionChange change) {
        return new MatchInput(null, change);
    }

    public String key() {
        return publish != null
                ? RoutingKeys.topic(publish.getTenant(), publish.getTopic())
                : RoutingKeys.topic(change.tenant(), TopicFilters.topicPart(change.subscription().getFilter()));
    }
}
