package io.gull.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The parts of the migrator that need no server; the real-Cassandra run is in the devstack tests. */
class CqlMigratorTest {

    @Test
    void shouldListEveryMigrationInOrder() {
        assertThat(CqlMigrator.migrationFiles()).startsWith("V001__telemetry.cql");
    }

    @Test
    void shouldSplitScriptsIntoStatementsAndSubstituteTheKeyspace() {
        CqlMigrator migrator = new CqlMigrator(null, CqlSchemaConfig.singleNode("ks_test"));

        List<String> statements = migrator.statements("""
                -- a comment; with a semicolon
                CREATE TABLE IF NOT EXISTS ${keyspace}.a (k int PRIMARY KEY);
                CREATE TABLE IF NOT EXISTS ${keyspace}.b (
                    k int PRIMARY KEY
                ) WITH comment = 'x';
                """);

        assertThat(statements).containsExactly(
                "CREATE TABLE IF NOT EXISTS ks_test.a (k int PRIMARY KEY)",
                "CREATE TABLE IF NOT EXISTS ks_test.b (\n    k int PRIMARY KEY\n) WITH comment = 'x'");
    }

    @Test
    void shouldRejectAKeyspaceNameThatCouldInjectCql() {
        assertThatThrownBy(() -> new CqlMigrator(null, CqlSchemaConfig.singleNode("gull; DROP KEYSPACE x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("keyspace");
    }
}
