package io.gull.cli.query;

import java.util.List;

import io.gull.cli.SubcommandRequired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gull query telemetry|latest}: the common telemetry queries. */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Query device telemetry stored in Cassandra.")
public final class QueryCommand implements Runnable {
    /** Registered by {@code GullCli} per run, so that a run builds only the one it needs (see CommandTree). */
    public static final List<Class<?>> SUBCOMMANDS = List.of(QueryTelemetryCommand.class, QueryLatestCommand.class);

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        SubcommandRequired.fail(spec);
    }
}
