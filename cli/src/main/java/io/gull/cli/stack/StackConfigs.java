package io.gull.cli.stack;

import java.util.function.Supplier;

import io.gull.devstack.StackConfig;
import io.gull.devstack.StackException;

/** Builds a {@link StackConfig} from options, so that options that contradict each other count as a usage error. */
final class StackConfigs {
    private StackConfigs() {
    }

    /** @throws IllegalArgumentException with the message of the config's own check (e.g. two services on a port) */
    static StackConfig build(Supplier<StackConfig> options) {
        try {
            return options.get();
        } catch (StackException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
