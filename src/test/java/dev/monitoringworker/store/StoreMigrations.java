package dev.monitoringworker.store;

import org.flywaydb.core.Flyway;

import javax.sql.DataSource;

/** Flyway as the worker configures it for a SQL Server store (config/application.yaml and the dialect's defaults). */
final class StoreMigrations {

    private StoreMigrations() {
    }

    static Flyway flyway(DataSource store) {
        return Flyway.configure()
                .dataSource(store)
                .locations("classpath:db/migration/" + StoreDialect.SQLSERVER.key())
                .schemas(StoreDialect.SQLSERVER.schema())
                .table("monitoringworker_schema_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
    }
}
