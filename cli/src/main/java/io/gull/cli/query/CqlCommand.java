package io.gull.cli.query;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;

import io.gull.cli.CommandContext;
import io.gull.cli.connect.ConnectionOptions;
import io.gull.cli.connect.Connections;
import io.gull.cli.output.FormatOption;
import io.gull.cli.output.ResultTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code gull cql "<statement>" [--format table|csv|json]}: any one CQL statement. */
@Command(name = "cql", mixinStandardHelpOptions = true,
        description = {"Run one CQL statement and print its rows (\"OK\" for statements without rows). Unqualified "
                + "table names refer to Gull's keyspace when it exists."},
        footer = {"", "Examples:", "  ./gull cql \"SELECT device_id, topic, received_at FROM latest_by_device\"",
                "  ./gull cql \"SELECT * FROM telemetry_by_device WHERE device_id='dev1' AND day='2025-01-31'\" "
                        + "--format json",
                "  ./gull cql \"DESCRIBE TABLES\""})
public final class CqlCommand implements Runnable {
    @Mixin
    CommandContext command;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    FormatOption output;

    @Parameters(index = "0", paramLabel = "<statement>", description = "The CQL statement (quote it).")
    String statement;

    @Override
    public void run() {
        String cql = statement.strip();
        while (cql.endsWith(";")) {
            cql = cql.substring(0, cql.length() - 1).stripTrailing();
        }
        if (cql.isEmpty()) {
            throw command.usageError("the CQL statement is empty");
        }
        String toRun = cql;
        Connections connections = connection.resolve();
        ResultTable rows = CassandraCall.run(connections, false, session -> {
            useKeyspaceIfPresent(session, connections.keyspace());
            ResultSet result = session.execute(SimpleStatement.newInstance(toRun));
            if (result.getColumnDefinitions().size() == 0) {
                return null;
            }
            return CqlValues.table(result.getColumnDefinitions(), result);
        });
        if (rows == null) {
            command.printf("OK%n");
        } else {
            output.print(rows);
        }
    }

    private static void useKeyspaceIfPresent(CqlSession session, String keyspace) {
        boolean exists = session.execute(SimpleStatement.newInstance(
                "SELECT keyspace_name FROM system_schema.keyspaces WHERE keyspace_name = ?", keyspace)).one() != null;
        if (exists) {
            session.execute("USE " + CqlIdentifier.fromInternal(keyspace).asCql(true));
        }
    }
}
