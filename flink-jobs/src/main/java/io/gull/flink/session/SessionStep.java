package io.gull.flink.session;

import java.util.List;

/** What one input does to a session: its state afterwards ({@code null}: no session) and the effects, in order. */
public record SessionStep(Session session, List<Effect> effects) {

    public SessionStep {
        effects = List.copyOf(effects);
    }
}
