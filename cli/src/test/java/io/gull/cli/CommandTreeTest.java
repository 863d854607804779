package io.gull.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** A run builds the picocli model of the commands its arguments name only; the usage still shows all of them. */
class CommandTreeTest {
    private final CliEnvironment environment =
            new CliEnvironment(Path.of("/opt/gull"), Optional.empty(), false, Clock.systemUTC());

    @Test
    void shouldRegisterOnlyTheNamedCommandAndSubcommandForARun() {
        // when
        CommandLine commandLine = GullCli.commandLine(environment, new String[] {"devices", "add", "dev1"});

        // then
        assertThat(commandLine.getSubcommands()).containsOnlyKeys("devices");
        assertThat(commandLine.getSubcommands().get("devices").getSubcommands()).containsOnlyKeys("add");
    }

    @Test
    void shouldRegisterEveryCommandInUsageOrderForTheUsageAndForUnknownCommands() {
        for (String[] args : new String[][] {{}, {"--help"}, {"help", "devices"}, {"devics", "add"}}) {
            // when
            CommandLine commandLine = GullCli.commandLine(environment, args);

            // then
            assertThat(commandLine.getSubcommands().keySet()).containsExactly("up", "down", "status", "start", "stop",
                    "edge", "jobs", "devices", "send", "query", "cql", "help");
            assertThat(commandLine.getSubcommands().get("devices").getSubcommands().keySet())
                    .containsExactly("add", "remove", "list", "import", "export");
        }
    }

    @Test
    void shouldRegisterEverySubcommandOfAGroupCalledAloneOrWithATypo() {
        for (String[] args : new String[][] {{"query"}, {"query", "--help"}, {"query", "telemetri"}}) {
            // when
            CommandLine commandLine = GullCli.commandLine(environment, args);

            // then
            assertThat(commandLine.getSubcommands()).containsOnlyKeys("query");
            assertThat(commandLine.getSubcommands().get("query").getSubcommands().keySet())
                    .containsExactly("telemetry", "latest");
        }
    }
}
