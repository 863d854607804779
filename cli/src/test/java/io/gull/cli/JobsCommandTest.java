package io.gull.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** {@code gull jobs rescale}: its arguments are checked before anything is stopped; no stack, one line, exit 1. */
class JobsCommandTest {
    @TempDir
    Path home;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CliEnvironment environment = new CliEnvironment(home, Optional.empty(), false, Clock.systemUTC());
        CommandLine commandLine = GullCli.commandLine(environment);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void shouldListJobsInTheUsage() {
        // when
        int exit = run("--help");

        // then
        assertThat(exit).isZero();
        assertThat(out.toString()).contains("jobs");
    }

    @Test
    void shouldRequireASubcommandOfJobs() {
        // when
        int exit = run("jobs");

        // then
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("Missing subcommand: use one of rescale", "Usage: gull jobs");
    }

    @Test
    void shouldShowTheJobsAndTheParallelismInTheUsageOfRescale() {
        // when
        int exit = run("jobs", "rescale", "--help");

        // then
        assertThat(exit).isZero();
        assertThat(out.toString()).contains("<job>", "gull-sessions", "gull-telemetry", "--parallelism=N",
                "--data-dir", "./gull jobs rescale gull-sessions --parallelism 2");
    }

    @Test
    void shouldRequireTheParallelism() {
        // when
        int exit = run("jobs", "rescale", "gull-sessions");

        // then
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--parallelism=N'", "Usage: gull jobs rescale");
    }

    @Test
    void shouldRequireTheJob() {
        // when
        int exit = run("jobs", "rescale", "--parallelism", "2");

        // then
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required parameter: '<job>'");
    }

    @Test
    void shouldRejectAnUnknownJobBeforeTouchingTheStack() {
        // when
        int exit = run("jobs", "rescale", "gull-auth", "--parallelism", "2", "--data-dir", dataDir());

        // then
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("unknown job 'gull-auth'; the jobs are gull-sessions, gull-telemetry",
                "Usage: gull jobs rescale");
        assertThat(home.resolve("d")).doesNotExist();
    }

    @Test
    void shouldRejectAParallelismOutOfRangeBeforeTouchingTheStack() {
        // when
        int zero = run("jobs", "rescale", "gull-sessions", "--parallelism", "0", "--data-dir", dataDir());
        int tooMany = run("jobs", "rescale", "sessions", "--parallelism", "129", "--data-dir", dataDir());

        // then
        assertThat(zero).isEqualTo(2);
        assertThat(tooMany).isEqualTo(2);
        assertThat(err.toString()).contains("parallelism must be between 1 and 128, got 0",
                "parallelism must be between 1 and 128, got 129");
        assertThat(home.resolve("d")).doesNotExist();
    }

    @Test
    void shouldRejectAParallelismThatIsNoNumber() {
        // when
        int exit = run("jobs", "rescale", "gull-sessions", "--parallelism", "two");

        // then
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--parallelism", "'two'");
    }

    @Test
    void shouldSayInOneLineThatFlinkDoesNotRunWhenNoStackRuns() {
        // when
        int exit = run("jobs", "rescale", "telemetry", "--parallelism", "1", "--data-dir", dataDir());

        // then
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("error: Gull's Flink is not running from " + home.resolve("d")
                + "; start it first with ./gull up -d or ./gull start flink");
    }

    private String dataDir() {
        return home.resolve("d").toString();
    }
}
