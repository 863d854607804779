package io.gull.cli.stack;

import java.nio.file.Path;
import java.util.Optional;

import io.gull.cli.CliEnvironment;
import io.gull.devstack.GullStack;
import io.gull.devstack.StackConfig;
import io.gull.devstack.StackProgress;
import picocli.CommandLine.Option;

/** {@code --data-dir} of the stack commands, and the {@link GullStack} it designates. */
public final class DataDirOption {
    private final CliEnvironment environment;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where the stack keeps its data, logs and pid files (default: $GULL_DATA_DIR, "
                    + "else <gull home>/.gull). Data survives down + up.")
    Path dataDir;

    DataDirOption(CliEnvironment environment) {
        this.environment = environment;
    }

    public Path resolve() {
        return environment.dataDir(Optional.ofNullable(dataDir));
    }

    /** The stack's config: default ports, the repository as install dir, the resolved data dir. */
    public StackConfig config() {
        return StackConfig.defaults(environment.gullHome(), resolve());
    }

    public GullStack stack(StackProgress progress) {
        return new GullStack(config(), progress);
    }
}
