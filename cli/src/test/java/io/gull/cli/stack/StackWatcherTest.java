package io.gull.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.gull.devstack.ServiceStatus;

class StackWatcherTest {

    @Test
    void shouldWarnOnceWhenAServiceStopsAndSayWhenItIsBack() {
        // given
        ServiceStatus up = new ServiceStatus("cassandra", true, 7, "127.0.0.1:9042", "");
        ServiceStatus down = new ServiceStatus("cassandra", false, -1, "127.0.0.1:9042", "exited");
        Deque<List<ServiceStatus>> checks = new ArrayDeque<>(List.of(List.of(up), List.of(down), List.of(down),
                List.of(up)));
        StringWriter err = new StringWriter();
        StackWatcher watcher = new StackWatcher(checks::poll, new PrintWriter(err));

        // when
        for (int i = 0; i < 4; i++) {
            watcher.check();
        }

        // then
        assertThat(err.toString().lines()).containsExactly(
                "warning: cassandra is not running any more (exited); start it again with ./gull start cassandra",
                "cassandra is running again");
    }

    @Test
    void shouldLeaveOutADetailThatOnlyRepeatsTheState() {
        // given
        ServiceStatus down = new ServiceStatus("edge", false, -1, "tcp://127.0.0.1:1883", "not running");
        StringWriter err = new StringWriter();
        StackWatcher watcher = new StackWatcher(() -> List.of(down), new PrintWriter(err));

        // when
        watcher.check();

        // then
        assertThat(err.toString().strip())
                .isEqualTo("warning: edge is not running any more; start it again with ./gull start edge");
    }
}
