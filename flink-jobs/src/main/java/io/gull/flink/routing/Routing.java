package io.gull.flink.routing;

import org.apache.flink.streaming.api.datastream.DataStream;

import io.gull.flink.auth.EdgeReply;
import io.gull.schemas.avro.Command;
import io.gull.schemas.avro.Publish;
import io.gull.schemas.avro.SessionEvent;

/**
 * The routing half of the sessions job: match (keyed by tenant and topic, wildcard filters as broadcast state),
 * retained messages (keyed by tenant and first topic level) and delivery (keyed by subscriber client id: queue,
 * in-flight window, packet ids). A DAG: nothing flows back to the sessions operator.
 */
public final class Routing {

    private Routing() {
    }

    /**
     * Adds the routing operators to the job.
     *
     * @param publishes        every message to route (from gull.ingress), already decoded
     * @param subscriptions    subscription changes from the sessions operator
     * @param retainedRequests retained messages wanted by new subscriptions, from the sessions operator
     * @param presence         where each session is connected, from the sessions operator
     * @param acks             SessionEvents of type ACKED, straight from gull.sessions
     * @param commands         cloud-to-device commands from gull.commands, already decoded
     * @return the deliveries, each for one edge's inbox
     */
    public static DataStream<EdgeReply> build(DataStream<Publish> publishes, DataStream<SubscriptionChange> subscriptions,
            DataStream<RetainedRequest> retainedRequests, DataStream<Presence> presence, DataStream<SessionEvent> acks,
            DataStream<Command> commands, RoutingConfig config) {
        throw new UnsupportedOperationException("routing is being written");
    }
}
