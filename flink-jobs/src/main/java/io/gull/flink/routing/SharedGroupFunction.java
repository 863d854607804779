package io.gull.flink.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import io.gull.schemas.avro.Publish;
import io.gull.schemas.avro.Subscription;

/**
 * The shared-group operator (uid {@code shared-groups}), keyed by shared subscription (tenant +
 * {@code $share/<group>/<filter>}): its members (client id -> {@link SharedMember}, ONLINE or OFFLINE) and the member
 * chosen last. Each message goes to one member ({@link SharedChoice}) as a {@link Match} tagged with the
 * subscription, at min(publish QoS, the member's granted QoS); the member's delivery operator queues it like any
 * other and hands it back when the member goes away before acknowledging it. Metrics: {@value #DELIVERED},
 * {@value #NO_MEMBER}, {@value #HANDED_BACK}.
 */
public final class SharedGroupFunction extends KeyedProcessFunction<String, SharedInput, Match> {
    static final String DELIVERED = "sharedMessagesRouted";
    static final String NO_MEMBER = "sharedMessagesDroppedNoMember";
    static final String HANDED_BACK = "sharedMessagesHandedBack";
    private static final long serialVersionUID = 1L;

    private transient MapState<String, SharedMember> members;
    private transient ValueState<String> lastChosen;
    private transient Counter delivered;
    private transient Counter noMember;
    private transient Counter handedBack;

    @Override
    public void open(OpenContext openContext) {
        members = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("shared-members", Types.STRING, SharedMember.TYPE));
        lastChosen = getRuntimeContext().getState(new ValueStateDescriptor<>("shared-last-chosen", Types.STRING));
        delivered = getRuntimeContext().getMetricGroup().counter(DELIVERED);
        noMember = getRuntimeContext().getMetricGroup().counter(NO_MEMBER);
        handedBack = getRuntimeContext().getMetricGroup().counter(HANDED_BACK);
    }

    @Override
    public void processElement(SharedInput input, Context ctx, Collector<Match> out) throws Exception {
        if (input.member() != null) {
            SharedMember member = input.member();
            if (member.status() == SharedMember.Status.LEFT) {
                members.remove(member.clientId());
            } else {
                members.put(member.clientId(), member);
            }
            return;
        }
        SharedMatch match = input.match();
        if (match.from() != null) {
            handedBack.inc();
        }
        List<SharedMember> current = new ArrayList<>();
        members.values().forEach(current::add);
        Optional<SharedMember> chosen = SharedChoice.choose(current, lastChosen.value(), match.from(), match.hops());
        if (chosen.isEmpty()) {
            noMember.inc();
            return;
        }
        SharedMember member = chosen.get();
        lastChosen.update(member.clientId());
        delivered.inc();
        out.collect(matchFor(member, match, ctx.getCurrentKey()));
    }

    private static Match matchFor(SharedMember member, SharedMatch match, String group) {
        Publish message = match.message();
        Subscription subscription = member.subscription();
        List<Integer> ids = new ArrayList<>();
        if (subscription.getSubscriptionId() != null) {
            ids.add(subscription.getSubscriptionId());
        }
        return new Match(member.clientId(), message, Math.min(message.getQos(), subscription.getQos()),
                message.getRetain() && subscription.getRetainAsPublished(), ids,
                new SharedTag(group, match.hops()));
    }
}
