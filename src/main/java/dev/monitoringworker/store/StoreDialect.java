package dev.monitoringworker.store;

import java.util.Locale;

/** The store's SQL dialect: picks the folders sql/&lt;key&gt; and db/migration/&lt;key&gt;. */
public enum StoreDialect {
    H2("h2", "MONITORING"),
    POSTGRESQL("postgresql", "monitoring"),
    SQLSERVER("sqlserver", "monitoring");

    private final String key;
    private final String schema;

    StoreDialect(String key, String schema) {
        this.key = key;
        this.schema = schema;
    }

    public String key() {
        return key;
    }

    /** The schema name as the catalog spells it: H2 folds unquoted names to upper case. */
    public String schema() {
        return schema;
    }

    public static StoreDialect fromKey(String key) {
        for (StoreDialect d : values()) {
            if (d.key.equalsIgnoreCase(key.trim())) {
                return d;
            }
        }
        throw new IllegalArgumentException("monitoring.store.dialect '" + key + "' is not one of h2, postgresql, sqlserver");
    }

    public static StoreDialect fromJdbcUrl(String url) {
        String u = url == null ? "" : url.toLowerCase(Locale.ROOT);
        if (u.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (u.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (u.startsWith("jdbc:sqlserver:")) {
            return SQLSERVER;
        }
        String scheme = u.isEmpty() ? "(none)" : u.substring(0, Math.max(0, u.indexOf(':', 5)));
        throw new IllegalArgumentException("spring.datasource.url scheme " + scheme
                + " is not a supported store; use jdbc:sqlserver:, jdbc:postgresql: or jdbc:h2:, or set monitoring.store.dialect");
    }
}
