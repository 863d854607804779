package io.gull.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceStarterTest {
    @TempDir
    Path dir;

    private final List<String> progress = new CopyOnWriteArrayList<>();
    private final ProcessSupervisor supervisor = new ProcessSupervisor(JavaCommand.currentJava());

    @Test
    void shouldReportReadinessWithTheTimeItTook() {
        SleepyLauncher launcher = new SleepyLauncher(dir, Duration.ofSeconds(30), true);

        new ServiceStarter(supervisor, progress::add).start(launcher);

        assertThat(progress).hasSize(2);
        assertThat(progress.get(0)).isEqualTo("Sleepy       starting on nowhere:0 ...");
        assertThat(progress.get(1)).matches("Sleepy       ready \\(\\d+\\.\\d s\\)");
        supervisor.stop("sleepy", launcher.pidFile(), Duration.ofSeconds(10));
    }

    @Test
    void shouldQuoteTheServersLastWordsWhenItExitsDuringStartup() {
        SleepyLauncher launcher = new SleepyLauncher(dir, Duration.ofSeconds(60), false, "fail");

        assertThatThrownBy(() -> new ServiceStarter(supervisor, progress::add).start(launcher))
                .isInstanceOf(StackException.class)
                .hasMessageStartingWith("Sleepy exited during start-up (exit code 1). Last lines of "
                        + dir.resolve("logs/sleepy.log"))
                .hasMessageContaining("sleepy: port 1234 is already in use");
        assertThat(launcher.pidFile()).doesNotExist();
    }

    @Test
    void shouldStopAServerThatIsNotReadyInTime() {
        SleepyLauncher launcher = new SleepyLauncher(dir, Duration.ofSeconds(2), false);

        assertThatThrownBy(() -> new ServiceStarter(supervisor, progress::add).start(launcher))
                .isInstanceOf(StackException.class)
                .hasMessageStartingWith("Sleepy did not become ready within 2 s; see " + dir.resolve("logs/sleepy.log"));
        assertThat(supervisor.running("sleepy", launcher.pidFile())).isEmpty();
    }

    @Test
    void shouldGiveUpWaitingWhenTheStackIsBeingStopped() {
        SleepyLauncher launcher = new SleepyLauncher(dir, Duration.ofSeconds(120), false);
        AtomicBoolean stopping = new AtomicBoolean();
        new Thread(() -> {
            ServiceStarter.sleep(Duration.ofSeconds(1));
            stopping.set(true);
        }, "stopper").start();

        assertThatThrownBy(() -> new ServiceStarter(supervisor, progress::add, new Object(), stopping::get).start(launcher))
                .isInstanceOf(StackException.class)
                .hasMessage("Start-up cancelled: the stack is being stopped");
        assertThat(supervisor.running("sleepy", launcher.pidFile())).isEmpty();
    }

    @Test
    void shouldSpawnNothingOnceTheStackIsBeingStopped() {
        SleepyLauncher launcher = new SleepyLauncher(dir, Duration.ofSeconds(30), true);

        assertThatThrownBy(() -> new ServiceStarter(supervisor, progress::add, new Object(), () -> true).start(launcher))
                .hasMessage("Start-up cancelled: the stack is being stopped");
        assertThat(launcher.pidFile()).doesNotExist();
    }

    /** {@link SleepyMain} as a service, ready or never ready. */
    private record SleepyLauncher(Path dir, Duration startTimeout, boolean ready, String... args)
            implements ServiceLauncher {

        Path pidFile() {
            return dir.resolve("run/sleepy.pid");
        }

        @Override
        public String name() {
            return "sleepy";
        }

        @Override
        public String displayName() {
            return "Sleepy";
        }

        @Override
        public List<PortUse> ports() {
            return List.of();
        }

        @Override
        public List<Path> artifacts() {
            return List.of();
        }

        @Override
        public ServiceSpec prepare() {
            String classes = Path.of(SleepyMain.class.getProtectionDomain().getCodeSource().getLocation().getPath())
                    .toString();
            return new ServiceSpec("sleepy", new JavaCommand(List.of(ServiceSpec.markerFlag("sleepy"), "-Xmx32m"),
                    List.of(classes), SleepyMain.class.getName(), List.of(args)),
                    dir.resolve("sleepy"), dir.resolve("logs/sleepy.log"), pidFile());
        }

        @Override
        public String endpoint() {
            return "nowhere:0";
        }

        @Override
        public boolean isReady() {
            return ready;
        }

        @Override
        public Duration stopGrace() {
            return Duration.ofSeconds(10);
        }
    }
}
