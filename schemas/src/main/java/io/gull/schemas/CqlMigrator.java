package io.gull.schemas;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;

/**
 * Applies the versioned CQL migrations under {@code cql/} (listed in {@code cql/migrations.list}) that a
 * keyspace has not seen yet, and records each in {@code <keyspace>.schema_migrations}. Every statement is
 * idempotent ({@code IF NOT EXISTS}), so two processes migrating at once, or a migration interrupted
 * half-way, are harmless.
 */
public final class CqlMigrator {
    private static final Logger LOG = LoggerFactory.getLogger(CqlMigrator.class);
    private static final Pattern FILE_NAME = Pattern.compile("V(\\d{3,})__([A-Za-z0-9_]+)\\.cql");
    private static final Pattern KEYSPACE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,47}");

    private final CqlSession session;
    private final CqlSchemaConfig config;

    public CqlMigrator(CqlSession session, CqlSchemaConfig config) {
        if (!KEYSPACE_NAME.matcher(config.keyspace()).matches()) {
            throw new IllegalArgumentException("keyspace must match " + KEYSPACE_NAME + ": " + config.keyspace());
        }
        this.session = session;
        this.config = config;
    }

    /** Brings the keyspace up to the newest version; returns the versions applied now. */
    public List<Integer> migrate() {
        String ks = config.keyspace();
        execute("CREATE KEYSPACE IF NOT EXISTS " + ks + " WITH replication = " + config.replication());
        execute("CREATE TABLE IF NOT EXISTS " + ks + ".schema_migrations ("
                + "version int PRIMARY KEY, name text, applied_at timestamp)");
        Set<Integer> applied = new HashSet<>();
        for (Row row : session.execute("SELECT version FROM " + ks + ".schema_migrations")) {
            applied.add(row.getInt("version"));
        }
        List<Integer> appliedNow = new ArrayList<>();
        for (String file : migrationFiles()) {
            Matcher m = FILE_NAME.matcher(file);
            if (!m.matches()) {
                throw new IllegalStateException("migration file name must look like V001__name.cql: " + file);
            }
            int version = Integer.parseInt(m.group(1));
            if (applied.contains(version)) {
                continue;
            }
            for (String statement : statements(read("cql/" + file))) {
                execute(statement);
            }
            session.execute(SimpleStatement.newInstance(
                    "INSERT INTO " + ks + ".schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    version, file, Instant.now()));
            LOG.info("Applied CQL migration {} to keyspace {}", file, ks);
            appliedNow.add(version);
        }
        return appliedNow;
    }

    private void execute(String cql) {
        session.execute(SimpleStatement.newInstance(cql).setTimeout(java.time.Duration.ofSeconds(30)));
    }

    /** Splits a script on ';' at line ends, drops comments, substitutes ${keyspace}. */
    List<String> statements(String script) {
        String withoutComments = script.lines()
                .filter(line -> !line.trim().startsWith("--"))
                .collect(Collectors.joining("\n"));
        List<String> out = new ArrayList<>();
        for (String part : withoutComments.split(";\\s*(\\n|$)")) {
            String statement = part.trim();
            if (!statement.isEmpty()) {
                out.add(statement.replace("${keyspace}", config.keyspace()));
            }
        }
        return out;
    }

    static List<String> migrationFiles() {
        return read("cql/migrations.list").lines()
                .map(String::trim)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .collect(Collectors.toList());
    }

    private static String read(String resource) {
        try (InputStream in = CqlMigrator.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + resource);
            }
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return reader.lines().collect(Collectors.joining("\n"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
