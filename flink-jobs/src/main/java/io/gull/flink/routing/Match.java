package io.gull.flink.routing;

import java.util.List;
import java.util.Map;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;

import io.gull.schemas.avro.Publish;

/**
 * One message for one subscriber, from the match or retained-message operator to the delivery operator (keyed by
 * {@code clientId}): overlapping subscriptions of one client are merged into one Match (highest granted QoS, all
 * subscription identifiers).
 *
 * @param qos             min(publish QoS, granted QoS)
 * @param retain          the RETAIN flag to deliver with (true for retained messages sent on subscribe, the
 *                        publish's flag when retain-as-published, else false)
 * @param subscriptionIds MQTT 5 subscription identifiers of the matching subscriptions
 * @param shared          set when it came through a shared subscription, null for the client's own ones
 */
public record Match(String clientId, Publish message, int qos, boolean retain, List<Integer> subscriptionIds,
        SharedTag shared) {

    public static final TypeInformation<Match> TYPE = Types.POJO(Match.class, Map.of(
            "clientId", Types.STRING,
            "message", new AvroTypeInfo<>(Publish.class),
            "qos", Types.INT,
            "retain", Types.BOOLEAN,
            "subscriptionIds", Types.LIST(Types.INT),
            "shared", SharedTag.TYPE));

    /** A match of the client's own subscriptions. */
    public Match(String clientId, Publish message, int qos, boolean retain, List<Integer> subscriptionIds) {
        this(clientId, message, qos, retain, subscriptionIds, null);
    }
}
