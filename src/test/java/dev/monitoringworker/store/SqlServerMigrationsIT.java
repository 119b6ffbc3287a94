package dev.monitoringworker.store;

import dev.monitoringworker.support.SqlServerDatabases;
import dev.monitoringworker.support.StoreMigrations;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The T-SQL migrations on a SQL Server store: on an empty database, run again, and over an existing PopAI schema. */
class SqlServerMigrationsIT {

    private static final List<String> TABLES = List.of("AlertEvents", "AlertStates", "AuditLog", "Config", "CounterSamples", "MaintenanceWindows", "DatabaseConnections", "DatabaseMonitoringResults",
            "DatabaseQueries", "QueryVersions", "WorkerInstances", "WorkerJobs", "WorkerMetrics", "monitoringworker_schema_history");
    private static final List<String> VIEWS = List.of("vw_AlertTransitionsPerDay", "vw_CurrentAlerts", "vw_JobQueue", "vw_LatestResults",
            "vw_NoisyQueries", "vw_WorkerHealth");

    @Test
    void anEmptyDatabaseGetsTheWholeSchemaAndASecondRunChangesNothing() {
        DataSource store = SqlServerDatabases.dataSource(SqlServerDatabases.newDatabase("migrate"));
        JdbcTemplate db = new JdbcTemplate(store);
        MigrateResult first = StoreMigrations.flyway(store, StoreDialect.SQLSERVER).migrate();
        assertThat(first.migrationsExecuted).isEqualTo(10);
        assertSchema(db);
        int indexes = indexCount(db);
        assertThat(indexes).isGreaterThanOrEqualTo(19);

        assertThat(StoreMigrations.flyway(store, StoreDialect.SQLSERVER).migrate().migrationsExecuted).isZero();
        // the scripts themselves run again over the finished schema, as on a database whose history table was lost
        db.execute("DROP TABLE monitoring.monitoringworker_schema_history");
        MigrateResult again = StoreMigrations.flyway(store, StoreDialect.SQLSERVER).migrate();
        assertThat(again.migrationsExecuted).isEqualTo(10);
        assertSchema(db);
        assertThat(indexCount(db)).as("no index made twice").isEqualTo(indexes);
        assertThat(db.queryForObject("SELECT COUNT(*) FROM monitoring.DatabaseQueries WHERE QueryName = N'Connection Test'", Integer.class)).isEqualTo(1);
        assertThat(db.queryForObject("SELECT COUNT(*) FROM monitoring.Config", Integer.class)).isEqualTo(1);
    }

    @Test
    void aPartialPopAiSchemaIsCompletedAndKeepsItsRows() {
        DataSource store = SqlServerDatabases.dataSource(SqlServerDatabases.newDatabase("popai"));
        JdbcTemplate db = new JdbcTemplate(store);
        db.execute("CREATE SCHEMA monitoring");
        db.execute("CREATE TABLE monitoring.Indicators (IndicatorId INT IDENTITY PRIMARY KEY, Name NVARCHAR(100))");
        db.update("INSERT INTO monitoring.Indicators (Name) VALUES (N'existing PopAI indicator')");
        db.execute("CREATE TABLE monitoring.DatabaseConnections (ConnectionId UNIQUEIDENTIFIER NOT NULL PRIMARY KEY, "
                + "ConnectionName NVARCHAR(200) NOT NULL, Provider NVARCHAR(50) NOT NULL, ConnectionString NVARCHAR(MAX) NOT NULL, "
                + "Environment NVARCHAR(50), IsEnabled BIT NOT NULL)");
        db.update("INSERT INTO monitoring.DatabaseConnections VALUES ('0b1d0000-0000-4000-8000-000000000002', N'legacy-sql', N'SqlServer', "
                + "N'Server=db01;Database=Sales;Integrated Security=true', N'Production', 1)");
        db.execute("CREATE INDEX IX_Legacy_Name ON monitoring.DatabaseConnections (ConnectionName)");
        db.execute("CREATE TABLE monitoring.DatabaseQueries (QueryId UNIQUEIDENTIFIER NOT NULL PRIMARY KEY DEFAULT NEWID(), "
                + "QueryName NVARCHAR(200) NOT NULL, QueryType NVARCHAR(50) NOT NULL, SqlQuery NVARCHAR(MAX) NOT NULL, "
                + "ResultType NVARCHAR(20) NOT NULL, Description NVARCHAR(1000))");
        db.update("INSERT INTO monitoring.DatabaseQueries (QueryName, QueryType, SqlQuery, ResultType, Description) "
                + "VALUES (N'Connection Test', N'HealthCheck', N'SELECT 1 AS alive', N'Scalar', N'kept as the DBA wrote it')");
        db.execute("CREATE TABLE monitoring.Config (ConfigKey NVARCHAR(200) NOT NULL PRIMARY KEY, ConfigValue NVARCHAR(4000))");
        db.update("INSERT INTO monitoring.Config VALUES (N'PopAI.Theme', N'dark'), (N'MonitoringWorker.RetentionDays', N'90')");

        for (int run = 1; run <= 2; run++) {
            StoreMigrations.flyway(store, StoreDialect.SQLSERVER).migrate();
            assertSchema(db);
            assertThat(db.queryForList("SELECT Name FROM monitoring.Indicators", String.class)).containsExactly("existing PopAI indicator");
            assertThat(db.queryForMap("SELECT ConnectionName, ConnectionString, CommandTimeoutSeconds, MaxConcurrency FROM monitoring.DatabaseConnections"))
                    .containsEntry("ConnectionName", "legacy-sql")
                    .containsEntry("ConnectionString", "Server=db01;Database=Sales;Integrated Security=true")
                    .containsEntry("CommandTimeoutSeconds", 30)
                    .containsEntry("MaxConcurrency", 2);
            assertThat(db.queryForList("SELECT SqlQuery FROM monitoring.DatabaseQueries WHERE QueryName = N'Connection Test'", String.class))
                    .containsExactly("SELECT 1 AS alive");
            assertThat(db.queryForList("SELECT ConfigKey + N'=' + ConfigValue FROM monitoring.Config ORDER BY ConfigKey", String.class))
                    .containsExactly("MonitoringWorker.RetentionDays=90", "PopAI.Theme=dark");
            assertThat(db.queryForList("SELECT CAST(version AS NVARCHAR(10)) + N':' + type FROM monitoring.monitoringworker_schema_history ORDER BY installed_rank", String.class))
                    .containsExactly("0:BASELINE", "1:SQL", "2:SQL", "3:SQL", "4:SQL", "5:SQL", "6:SQL", "7:SQL", "9:SQL", "10:SQL", "11:SQL");
        }
    }

    private static void assertSchema(JdbcTemplate db) {
        assertThat(db.queryForList("SELECT name FROM sys.tables WHERE schema_id = SCHEMA_ID(N'monitoring')", String.class))
                .map(String::toLowerCase).containsAll(TABLES.stream().map(String::toLowerCase).toList());
        assertThat(db.queryForList("SELECT name FROM sys.views WHERE schema_id = SCHEMA_ID(N'monitoring')", String.class))
                .map(String::toLowerCase).containsExactlyInAnyOrderElementsOf(VIEWS.stream().map(String::toLowerCase).toList());
        for (String view : VIEWS) {
            assertThat(db.queryForList("SELECT * FROM monitoring." + view)).as(view + " can be read").isNotNull();
        }
    }

    private static int indexCount(JdbcTemplate db) {
        return db.queryForObject("SELECT COUNT(*) FROM sys.indexes i JOIN sys.tables t ON t.object_id = i.object_id "
                + "WHERE t.schema_id = SCHEMA_ID(N'monitoring') AND i.name IS NOT NULL", Integer.class);
    }
}
