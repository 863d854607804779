package io.gull.flink.session;

import java.util.ArrayList;
import java.util.List;

import org.apache.flink.api.common.state.ListState;

/** Reading keyed list state into a list that can be changed and written back. */
final class ListStates {
    private ListStates() {
    }

    /** The entries of {@code state} for the current key, in order; empty when there are none. */
    static <T> List<T> copyOf(ListState<T> state) throws Exception {
        List<T> out = new ArrayList<>();
        Iterable<T> stored = state.get();
        if (stored != null) {
            stored.forEach(out::add);
        }
        return out;
    }
}
