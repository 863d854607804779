package io.gull.flink.session;

import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.util.OutputTag;

import io.gull.flink.routing.Presence;
import io.gull.flink.routing.SharedMember;
import io.gull.flink.routing.RetainedRequest;
import io.gull.flink.routing.SubscriptionChange;
import io.gull.schemas.avro.Publish;

/** The side outputs of the sessions operator (its main output is the inbox replies: decisions and kicks). */
public final class SessionOutputs {
    /** Subscriptions added, replaced or removed: to the match operator. */
    public static final OutputTag<SubscriptionChange> SUBSCRIPTIONS =
            new OutputTag<>("subscription-changes", SubscriptionChange.TYPE);
    /** Retained messages new subscriptions want: to the retained-message operator. */
    public static final OutputTag<RetainedRequest> RETAINED_REQUESTS =
            new OutputTag<>("retained-requests", RetainedRequest.TYPE);
    /** Where each session is connected: to the delivery operator. */
    public static final OutputTag<Presence> PRESENCE = new OutputTag<>("presence", Presence.TYPE);
    /** Members of shared subscriptions joining, coming and going, leaving: to the shared-group operator. */
    public static final OutputTag<SharedMember> SHARED_MEMBERS = new OutputTag<>("shared-members", SharedMember.TYPE);
    /** Wills to publish: to gull.ingress. */
    public static final OutputTag<Publish> WILLS = new OutputTag<>("wills", new AvroTypeInfo<>(Publish.class));

    private SessionOutputs() {
    }
}
