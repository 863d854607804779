package io.gull.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * What the CLI takes from the world it runs in, read once in {@link GullCli#main} and passed to every command.
 *
 * @param gullHome       the repository root ({@code -Dgull.home}, set by the {@code gull} script); install dir of the
 *                       stack
 * @param dataDirEnv     {@code GULL_DATA_DIR} when set
 * @param debug          {@code GULL_DEBUG} set: print stack traces of unexpected errors
 * @param clock          the clock for "now" ({@code --since 1h} and timestamps of device records)
 * @param stderrTerminal stderr is a terminal that can redraw a line (progress bars), not a file or a pipe
 */
public record CliEnvironment(Path gullHome, Optional<Path> dataDirEnv, boolean debug, Clock clock,
        boolean stderrTerminal) {

    public static final String HOME_PROPERTY = "gull.home";
    /** Set by the {@code gull} script: {@code true} when stderr is a terminal ({@code [[ -t 2 ]]}). */
    public static final String STDERR_TERMINAL_PROPERTY = "gull.stderr.terminal";
    public static final String DATA_DIR_ENV = "GULL_DATA_DIR";
    public static final String DEBUG_ENV = "GULL_DEBUG";

    /** An environment whose stderr is no terminal. */
    public CliEnvironment(Path gullHome, Optional<Path> dataDirEnv, boolean debug, Clock clock) {
        this(gullHome, dataDirEnv, debug, clock, false);
    }

    /** From system properties and environment variables; without {@code gull.home}, the current directory. */
    public static CliEnvironment fromSystem(Map<String, String> env, String homeProperty) {
        return fromSystem(env, homeProperty, null);
    }

    /**
     * As {@link #fromSystem(Map, String)}, with the {@link #STDERR_TERMINAL_PROPERTY} ({@code null}: unknown, then
     * a terminal when the JVM has a console). {@code TERM=dumb} is no terminal.
     */
    public static CliEnvironment fromSystem(Map<String, String> env, String homeProperty,
            String stderrTerminalProperty) {
        Path home = Path.of(homeProperty == null || homeProperty.isBlank() ? "" : homeProperty).toAbsolutePath()
                .normalize();
        String dataDir = env.get(DATA_DIR_ENV);
        Optional<Path> dataDirEnv = dataDir == null || dataDir.isBlank()
                ? Optional.empty()
                : Optional.of(Path.of(dataDir));
        String debug = env.get(DEBUG_ENV);
        boolean terminal = stderrTerminalProperty == null ? System.console() != null
                : Boolean.parseBoolean(stderrTerminalProperty);
        return new CliEnvironment(home, dataDirEnv, debug != null && !debug.isBlank() && !"0".equals(debug),
                Clock.systemUTC(), terminal && !"dumb".equals(env.get("TERM")));
    }

    /** {@code --data-dir} if given, else {@code GULL_DATA_DIR}, else {@code <gull home>/.gull}; absolute. */
    public Path dataDir(Optional<Path> option) {
        return option.or(this::dataDirEnv).orElseGet(() -> gullHome.resolve(".gull")).toAbsolutePath().normalize();
    }
}
