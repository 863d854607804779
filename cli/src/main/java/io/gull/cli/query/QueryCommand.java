package io.gull.cli.query;

import io.gull.cli.SubcommandRequired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gull query telemetry|latest}: the common telemetry queries. */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Query device telemetry stored in Cassandra.",
        subcommands = {QueryTelemetryCommand.class, QueryLatestCommand.class})
public final class QueryCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        SubcommandRequired.fail(spec);
    }
}
