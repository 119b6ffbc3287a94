package dev.monitoringworker.support;

import dev.monitoringworker.store.StoreDialect;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;

/** Flyway as the worker configures it (config/application.yaml and the dialect's defaults), for store-level tests. */
public final class StoreMigrations {

    private StoreMigrations() {
    }

    public static Flyway flyway(DataSource store, StoreDialect dialect) {
        return Flyway.configure()
                .dataSource(store)
                .locations("classpath:db/migration/" + dialect.key())
                .schemas(dialect.schema())
                .table("monitoringworker_schema_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
    }

    /** The store's schema as the worker's migrations make it. */
    public static DataSource migrate(DataSource store, StoreDialect dialect) {
        flyway(store, dialect).migrate();
        return store;
    }
}
