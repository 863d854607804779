package io.gull.edge.mqtt;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * The budget of the fuzz properties. Each property's own {@code @Property(tries = ...)} is sized so that all the fuzz
 * properties of the build together take well under a minute on a two-core CI machine; {@code -Dgull.fuzz.tries=N}
 * gives every property N tries instead, for a long local run:
 * {@code ./mvnw -pl mqtt-edge test -Dtest='*FuzzTest' -Dgull.fuzz.tries=100000}.
 */
public final class FuzzBudget implements AroundPropertyHook {
    /** The system property that overrides the tries of every fuzz property. */
    public static final String TRIES = "gull.fuzz.tries";

    /** Registered on a test class, it applies to the class's properties. */
    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        Integer tries = Integer.getInteger(TRIES);
        if (tries != null && tries > 0) {
            context.attributes().setTries(tries);
        }
        return property.execute();
    }
}
