package dev.monitoringworker.support;

import dev.monitoringworker.store.StoreDialect;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The store's own statements run outside the routes, on a fresh migrated store of any dialect. */
public final class StoreStatements {

    private StoreStatements() {
    }

    /** A new, migrated store of the dialect (SQL Server: skipped where none runs). */
    public static DataSource freshStore(StoreDialect dialect, String prefix) {
        DataSource store = switch (dialect) {
            case H2 -> new DriverManagerDataSource("jdbc:h2:mem:" + prefix + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
            case POSTGRESQL -> TestDatabases.postgresDataSource(TestDatabases.newPostgresDatabase(prefix));
            case SQLSERVER -> SqlServerDatabases.dataSource(SqlServerDatabases.newDatabase(prefix));
        };
        return StoreMigrations.migrate(store, dialect);
    }

    /** A statement file as the routes run it, with Spring's named parameters for camel-sql's ({@code :#Name} → {@code :Name}). */
    public static String text(StoreDialect dialect, String name) {
        try (InputStream in = StoreStatements.class.getResourceAsStream("/sql/" + dialect.key() + "/" + name + ".sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace(":#", ":");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
