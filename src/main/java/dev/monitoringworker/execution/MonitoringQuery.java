package dev.monitoringworker.execution;

import dev.monitoringworker.store.Row;
import dev.monitoringworker.threshold.ValueKind;

import java.util.UUID;

/**
 * A row of DatabaseQueries, kept as written: the text fields (ResultType, ComparisonOperator, Provider) are
 * parsed when the query runs, so one bad row becomes an Error result instead of stopping the others.
 */
public record MonitoringQuery(UUID queryId, String name, String sql, String resultType, String provider, String environment,
                              Double warningThreshold, Double criticalThreshold, String comparisonOperator,
                              Integer intervalSeconds, Integer timeoutSeconds, int maxRows, boolean allowWrite,
                              boolean enabled, String valueKind, String keyColumn, String valueColumn, String sqlVariants) {

    public static final int DEFAULT_MAX_ROWS = 100;

    /** A gauge query without per-key alerts. */
    public MonitoringQuery(UUID queryId, String name, String sql, String resultType, String provider, String environment,
                           Double warningThreshold, Double criticalThreshold, String comparisonOperator,
                           Integer intervalSeconds, Integer timeoutSeconds, int maxRows, boolean allowWrite, boolean enabled) {
        this(queryId, name, sql, resultType, provider, environment, warningThreshold, criticalThreshold, comparisonOperator,
                intervalSeconds, timeoutSeconds, maxRows, allowWrite, enabled, null, null, null, null);
    }

    public static MonitoringQuery from(Row row) {
        Integer maxRows = row.integer("MaxRows");
        return new MonitoringQuery(row.uuid("QueryId"), row.string("QueryName"), row.string("SqlQuery"),
                row.string("ResultType"), row.string("Provider"), row.string("Environment"), row.decimal("WarningThreshold"),
                row.decimal("CriticalThreshold"), row.string("ComparisonOperator"), row.integer("IntervalSeconds"),
                row.integer("TimeoutSeconds"), maxRows == null ? DEFAULT_MAX_ROWS : maxRows,
                row.flag("AllowWrite", false), row.flag("IsEnabled", true), row.string("ValueKind"), blankAsNull(row.string("AlertKeyColumn")),
                blankAsNull(row.string("AlertValueColumn")), blankAsNull(row.string("SqlVariants")));
    }

    private static String blankAsNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** Whether the query's Environment (none: every one) is the connection's. */
    public boolean scopedTo(TargetConnection connection) {
        return environment == null || environment.isBlank() || environment.equalsIgnoreCase(connection.environment());
    }

    /**
     * A query for one provider applies to connections of that provider; a provider-neutral one to all, even a
     * connection whose Provider is not understood. A query whose own Provider is not understood applies to
     * all too: its runs report the bad value instead of it being skipped unseen. A query with an Environment applies
     * only to the connections of that Environment.
     */
    public boolean appliesTo(TargetConnection connection) {
        if (!scopedTo(connection)) {
            return false;
        }
        if (provider == null || provider.isBlank()) {
            return true;
        }
        try {
            Provider.parse(provider);
        } catch (IllegalArgumentException unknownQueryProvider) {
            return true;
        }
        try {
            return Provider.parse(connection.provider()).accepts(provider);
        } catch (IllegalArgumentException unknownConnectionProvider) {
            return false;
        }
    }

    /** @return what is wrong with the row, or null */
    public String invalidSettings() {
        if (provider != null && !provider.isBlank()) {
            try {
                Provider.parse(provider);
            } catch (IllegalArgumentException unknown) {
                return unknown.getMessage();
            }
        }
        if (timeoutSeconds != null && timeoutSeconds <= 0) {
            return "TimeoutSeconds " + timeoutSeconds + " must be a positive number of seconds (or NULL for the connection's)";
        }
        if (maxRows <= 0) {
            return "MaxRows " + maxRows + " must be at least 1";
        }
        if (intervalSeconds != null && intervalSeconds <= 0) {
            return "IntervalSeconds " + intervalSeconds + " must be a positive number of seconds (or NULL for on demand only)";
        }
        if (sql == null || sql.isBlank()) {
            return "SqlQuery is empty";
        }
        try {
            ValueKind.parse(valueKind);
            SqlVariant.parse(sqlVariants);
        } catch (IllegalArgumentException unusable) {
            return unusable.getMessage();
        }
        return null;
    }

    /** Whether its value is a cumulative counter, judged as a per-second rate (ValueKind Counter). */
    public boolean counter() {
        try {
            return ValueKind.parse(valueKind) == ValueKind.Counter;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    /** Whether its SQL depends on the server's version (SqlVariants). */
    public boolean versioned() {
        return sqlVariants != null;
    }

    /** The SQL to run on a server of {@code version}: the first variant that holds it, else SqlQuery. */
    public String sqlFor(String version) {
        if (version != null) {
            for (SqlVariant variant : SqlVariant.parse(sqlVariants)) {
                if (variant.holds(version)) {
                    return variant.sql();
                }
            }
        }
        return sql;
    }

    /** Whether a DataSet's rows carry one value per key (AlertKeyColumn and AlertValueColumn). */
    public boolean keyed() {
        return keyColumn != null && valueColumn != null;
    }

    public String label() {
        return name == null || name.isBlank() ? "QueryId " + queryId : "'" + name + "'";
    }
}
