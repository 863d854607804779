package io.gull.flink.session;

import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import io.gull.schemas.avro.SessionEvent;
import io.gull.schemas.avro.SessionEventType;

/**
 * Splits gull.sessions: ACKED events (acknowledgements of deliveries) go to the {@link #ACKS} side output for the
 * delivery operator; every other event goes on to the sessions operator.
 */
public final class AckSplit extends ProcessFunction<SessionEvent, SessionInput> {
    public static final OutputTag<SessionEvent> ACKS = new OutputTag<>("acks", new AvroTypeInfo<>(SessionEvent.class));
    private static final long serialVersionUID = 1L;

    @Override
    public void processElement(SessionEvent event, Context ctx, Collector<SessionInput> out) {
        if (event.getType() == SessionEventType.ACKED) {
            ctx.output(ACKS, event);
        } else {
            out.collect(SessionInput.of(event));
        }
    }
}
