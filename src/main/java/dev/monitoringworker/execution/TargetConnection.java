package dev.monitoringworker.execution;

import dev.monitoringworker.store.Row;

import java.util.UUID;

/** A row of DatabaseConnections. Its connection string never appears in {@link #toString()}. */
public record TargetConnection(UUID connectionId, String name, String provider, String connectionString,
                               String environment, boolean enabled, int connectTimeoutSeconds,
                               int commandTimeoutSeconds, int maxConcurrency) {

    public static TargetConnection from(Row row) {
        return new TargetConnection(row.uuid("ConnectionId"), row.string("ConnectionName"), row.string("Provider"),
                row.string("ConnectionString"), row.string("Environment"), row.flag("IsEnabled", true),
                orDefault(row.integer("ConnectionTimeoutSeconds"), 15), orDefault(row.integer("CommandTimeoutSeconds"), 30),
                orDefault(row.integer("MaxConcurrency"), 2));
    }

    /** How errors name this connection: by name, or by id when the name is missing. */
    public String label() {
        return name == null || name.isBlank() ? "ConnectionId " + connectionId : "'" + name + "'";
    }

    /** A NULL column takes the schema's default; any other value is kept as written and checked when it runs. */
    private static int orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }

    /** @return what is wrong with the row, or null */
    public String invalidSettings() {
        if (connectTimeoutSeconds <= 0) {
            return "ConnectionTimeoutSeconds " + connectTimeoutSeconds + " must be a positive number of seconds";
        }
        if (commandTimeoutSeconds <= 0) {
            return "CommandTimeoutSeconds " + commandTimeoutSeconds + " must be a positive number of seconds";
        }
        if (maxConcurrency <= 0) {
            return "MaxConcurrency " + maxConcurrency + " must be at least 1";
        }
        if (connectionString == null || connectionString.isBlank()) {
            return "ConnectionString is empty";
        }
        return null;
    }

    @Override
    public String toString() {
        return "TargetConnection[" + label() + ", provider=" + provider + ", environment=" + environment + "]";
    }
}
