package io.gull.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessSupervisorTest {
    @TempDir
    Path dir;

    private Process spawned;

    @AfterEach
    void killLeftovers() {
        if (spawned != null) {
            spawned.toHandle().destroyForcibly();
        }
    }

    @Test
    void shouldRecordPidAndSendOutputToTheLogFile() throws Exception {
        ServiceSpec spec = sleepy("sleepy");

        spawned = new ProcessSupervisor(JavaCommand.currentJava()).spawn(spec);

        assertThat(PidFile.read(spec.pidFile(), "sleepy")).map(PidFile::pid).contains(spawned.pid());
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Files.readString(spec.logFile(), StandardCharsets.UTF_8).contains("sleepy started"));
    }

    @Test
    void shouldStopAProcessKnownOnlyFromItsPidFile() {
        ServiceSpec spec = sleepy("sleepy");
        spawned = new ProcessSupervisor(JavaCommand.currentJava()).spawn(spec);
        ProcessSupervisor later = new ProcessSupervisor(JavaCommand.currentJava());

        Optional<ProcessSupervisor.StopResult> result = later.stop("sleepy", spec.pidFile(), Duration.ofSeconds(30));

        assertThat(result).hasValueSatisfying(r -> assertThat(r.graceful()).isTrue());
        assertThat(spawned.isAlive()).isFalse();
        assertThat(spec.pidFile()).doesNotExist();
    }

    @Test
    void shouldKillAProcessThatIgnoresSigterm() throws Exception {
        ServiceSpec spec = sleepy("stubborn", "ignore-term");
        spawned = new ProcessSupervisor(JavaCommand.currentJava()).spawn(spec);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Files.readString(spec.logFile(), StandardCharsets.UTF_8).contains("sleepy started"));

        Optional<ProcessSupervisor.StopResult> result = new ProcessSupervisor(JavaCommand.currentJava())
                .stop("stubborn", spec.pidFile(), Duration.ofSeconds(1));

        assertThat(result).hasValueSatisfying(r -> assertThat(r.graceful()).isFalse());
        assertThat(spawned.isAlive()).isFalse();
    }

    @Test
    void shouldReportNothingToStopWhenNothingRuns() {
        Optional<ProcessSupervisor.StopResult> result = new ProcessSupervisor(JavaCommand.currentJava())
                .stop("nothing", dir.resolve("run/nothing.pid"), Duration.ofSeconds(1));

        assertThat(result).isEmpty();
    }

    @Test
    void shouldNotTakeAReusedPidForOurProcess() {
        Path pidFile = dir.resolve("run/other.pid");
        ProcessHandle self = ProcessHandle.current();
        Instant otherStart = self.info().startInstant().orElseThrow().minus(Duration.ofHours(1));
        new PidFile(self.pid(), otherStart, "other").write(pidFile);

        Optional<ProcessHandle> running = new ProcessSupervisor(JavaCommand.currentJava()).running("other", pidFile);

        assertThat(running).isEmpty();
        assertThat(pidFile).doesNotExist();
    }

    @Test
    void shouldForgetAPidFileOfADeadProcess() throws Exception {
        Process done = new ProcessBuilder("true").start();
        done.waitFor();
        Path pidFile = dir.resolve("run/done.pid");
        new PidFile(done.pid(), Instant.now(), "done").write(pidFile);

        assertThat(new ProcessSupervisor(JavaCommand.currentJava()).running("done", pidFile)).isEmpty();
    }

    private ServiceSpec sleepy(String name, String... args) {
        String classes = Path.of(SleepyMain.class.getProtectionDomain().getCodeSource().getLocation().getPath()).toString();
        JavaCommand command = new JavaCommand(List.of(ServiceSpec.markerFlag(name), "-Xmx32m"), List.of(classes),
                SleepyMain.class.getName(), List.of(args));
        return new ServiceSpec(name, command, dir.resolve(name), dir.resolve("logs/" + name + ".log"),
                dir.resolve("run/" + name + ".pid"));
    }
}
