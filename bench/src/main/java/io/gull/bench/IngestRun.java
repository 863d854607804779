package io.gull.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Runs the steps of the ingest scenario (one per connection count) against one target. */
public final class IngestRun {
    private final IngestSettings settings;

    public IngestRun(IngestSettings settings) {
        this.settings = settings;
    }

    /** Every step against {@code target}, smallest connection count first as given. */
    public List<IngestResult> steps(IngestTarget target) throws Exception {
        List<IngestResult> out = new ArrayList<>();
        for (int connections : settings.connections()) {
            out.add(step(target, connections));
        }
        return out;
    }

    IngestResult step(IngestTarget target, int connections) throws Exception {
        String label = target.name() + " ingest x" + connections;
        target.open(connections);
        ClosedLoop loop = new ClosedLoop(connections, settings.inFlight(), target::publish);
        CpuWindow cpu = new CpuWindow(target.servers());
        Progress.say(label, connections + " connections, " + settings.inFlight() + " in flight each: "
                + settings.warmupSeconds() + " s warm-up, " + settings.durationSeconds() + " s measured");
        ClosedLoop.Outcome outcome = Progress.during(label, loop::snapshot,
                () -> loop.run(settings.warmupSeconds(), settings.durationSeconds(), cpu));
        List<ServerCpu.Use> uses = cpu.uses(outcome.acked());
        double generatorPercent = ProcessCpu.percentOfOneCore(cpu.generatorBefore, cpu.generatorAfter, cpu.wallNanos());
        double generatorPerMessage = cpu.generatorBefore < 0 || cpu.generatorAfter < 0 ? -1
                : ServerCpu.perMessageMicros(cpu.generatorAfter - cpu.generatorBefore, outcome.acked());
        IngestResult result = new IngestResult(target.name(), connections, settings.inFlight(), outcome.acked(),
                round(outcome.windowSeconds()), round(outcome.perSecond()), outcome.latency(), outcome.sent(),
                outcome.errors(), outcome.unfinished(),
                outcome.firstError() == null ? null : Failures.describe(outcome.firstError()), uses,
                ServerCpu.countedMicrosPerMessage(uses), generatorPercent, generatorPerMessage);
        Progress.say(label, String.format(Locale.ROOT, "%.0f msgs/s, ack p50 %.2f ms, p99 %.2f ms, server CPU %s us/msg%s",
                result.messagesPerSecond(), result.ackLatency().p50Ms(), result.ackLatency().p99Ms(),
                IngestMarkdown.micros(result.serverCpuMicrosPerMessage()),
                result.errors() == 0 ? "" : ", " + result.errors() + " errors, first: " + result.firstError()));
        return result;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** The servers' and the generator's CPU over exactly the measured window. */
    private static final class CpuWindow implements ClosedLoop.Window {
        private final List<ServerProcess> servers;
        private volatile ServerCpu.Reading start;
        private volatile List<ServerCpu.Use> uses;
        private volatile long generatorBefore = -1;
        private volatile long generatorAfter = -1;
        private volatile long openedAt;
        private volatile long closedAt;

        CpuWindow(List<ServerProcess> servers) {
            this.servers = servers;
        }

        @Override
        public void opened() {
            openedAt = System.nanoTime();
            generatorBefore = ProcessCpu.nanos();
            start = ServerCpu.start(servers);
        }

        @Override
        public void closed() {
            closedAt = System.nanoTime();
            generatorAfter = ProcessCpu.nanos();
            uses = start.usedSince();
        }

        long wallNanos() {
            return closedAt - openedAt;
        }

        /** The CPU used in the window, per message of {@code acked}. */
        List<ServerCpu.Use> uses(long acked) {
            return uses.stream().map(use -> use.per(acked)).toList();
        }
    }
}
