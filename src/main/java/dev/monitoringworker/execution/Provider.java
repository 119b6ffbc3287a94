package dev.monitoringworker.execution;

import java.util.Locale;
import java.util.Map;

/** The database engines a connection may point at; each has its own route {@code run-<name>} and its own {@link Engine}. */
public enum Provider {
    SqlServer("sqlserver", new SqlServerEngine()),
    PostgreSQL("postgresql", new PostgreSqlEngine()),
    MySQL("mysql", new MySqlEngine()),
    Oracle("oracle", new OracleEngine()),
    /** The embedded demo store; not a production target. */
    H2("h2", new H2Engine());

    private static final Map<String, Provider> ALIASES = Map.ofEntries(
            Map.entry("sqlserver", SqlServer), Map.entry("mssql", SqlServer), Map.entry("sql server", SqlServer),
            Map.entry("postgresql", PostgreSQL), Map.entry("postgres", PostgreSQL), Map.entry("npgsql", PostgreSQL),
            Map.entry("mysql", MySQL), Map.entry("mariadb", MySQL),
            Map.entry("oracle", Oracle),
            Map.entry("h2", H2));

    private final String key;
    private final Engine engine;

    Provider(String key, Engine engine) {
        this.key = key;
        this.engine = engine;
    }

    /** What differs for this engine: connection strings, driver properties, connect deadlines, the read-only envelope. */
    Engine engine() {
        return engine;
    }

    /** Lower-case key used in route ids ({@code run-postgresql}). */
    public String key() {
        return key;
    }

    /**
     * Parses a Provider column value, case-insensitively, accepting common aliases (Postgres, MariaDB, MSSQL).
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Provider parse(String text) {
        Provider p = text == null ? null : ALIASES.get(text.trim().toLowerCase(Locale.ROOT));
        if (p == null) {
            throw new IllegalArgumentException("unknown Provider '" + text + "'; use SqlServer, PostgreSQL, MySQL, Oracle or H2");
        }
        return p;
    }

    /** Whether a query written for {@code queryProvider} (null = any) applies to connections of this provider. */
    public boolean accepts(String queryProvider) {
        if (queryProvider == null || queryProvider.isBlank()) {
            return true;
        }
        Provider p = ALIASES.get(queryProvider.trim().toLowerCase(Locale.ROOT));
        return p == this;
    }
}
