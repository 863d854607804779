package io.gull.cli.devices;

import java.util.List;

import io.gull.cli.SubcommandRequired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gull devices add|remove|list|import|export}: the registry (compacted Kafka topic {@code gull.devices}). */
@Command(name = "devices", mixinStandardHelpOptions = true,
        description = "Provision devices in the registry (Kafka topic gull.devices).")
public final class DevicesCommand implements Runnable {
    /** Registered by {@code GullCli} per run, so that a run builds only the one it needs (see CommandTree). */
    public static final List<Class<?>> SUBCOMMANDS = List.of(DevicesAddCommand.class, DevicesRemoveCommand.class,
            DevicesListCommand.class, DevicesImportCommand.class, DevicesExportCommand.class);

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        SubcommandRequired.fail(spec);
    }
}
