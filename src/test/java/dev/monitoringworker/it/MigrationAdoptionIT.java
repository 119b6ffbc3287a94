package dev.monitoringworker.it;

import dev.monitoringworker.store.Row;
import dev.monitoringworker.support.Store;
import dev.monitoringworker.support.TestDatabases;
import dev.monitoringworker.support.WorkerApp;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An existing deployment (PopAI) already holds some monitoring tables with rows and no Flyway history. The
 * migrations must create what is missing, add missing columns, and leave every existing row as it was.
 */
class MigrationAdoptionIT {

    private static final UUID OLD_WORKER = UUID.fromString("0ld00000-0000-4000-8000-000000000001".replace("l", "1"));
    private static final UUID OLD_CONNECTION = UUID.fromString("0ld00000-0000-4000-8000-000000000002".replace("l", "1"));

    @Test
    void adoptsAPartialSchemaWithoutTouchingItsRows() {
        String url = TestDatabases.newPostgresDatabase("popai");
        String targetUrl = TestDatabases.newPostgresDatabase("popaitarget");
        JdbcTemplate db = new JdbcTemplate(TestDatabases.postgresDataSource(url));
        db.execute("CREATE SCHEMA monitoring");
        db.execute("CREATE TABLE monitoring.Indicators (IndicatorId SERIAL PRIMARY KEY, Name VARCHAR(100))");
        db.update("INSERT INTO monitoring.Indicators (Name) VALUES ('existing PopAI indicator')");
        db.execute("CREATE TABLE monitoring.WorkerInstances (WorkerInstanceId UUID PRIMARY KEY, WorkerName VARCHAR(200) NOT NULL, "
                + "MachineName VARCHAR(200) NOT NULL, ProcessId INT, Version VARCHAR(50), Environment VARCHAR(50), Status VARCHAR(20), CreatedAt TIMESTAMP)");
        db.update("INSERT INTO monitoring.WorkerInstances VALUES (?, 'legacy-worker', 'OLD-01', 42, '0.9', 'Production', 'Stopped', '2024-05-01 10:00:00')", OLD_WORKER);
        db.execute("CREATE TABLE monitoring.DatabaseConnections (ConnectionId UUID PRIMARY KEY, ConnectionName VARCHAR(200) NOT NULL, "
                + "Provider VARCHAR(50) NOT NULL, ConnectionString TEXT NOT NULL, Environment VARCHAR(50), IsEnabled BOOLEAN NOT NULL)");
        db.update("INSERT INTO monitoring.DatabaseConnections VALUES (?, 'legacy-pg', 'PostgreSQL', ?, 'Production', true)", OLD_CONNECTION, targetUrl);
        db.execute("CREATE TABLE monitoring.DatabaseQueries (QueryId UUID PRIMARY KEY DEFAULT gen_random_uuid(), QueryName VARCHAR(200) NOT NULL, "
                + "QueryType VARCHAR(50) NOT NULL, SqlQuery TEXT NOT NULL, ResultType VARCHAR(20) NOT NULL, Description VARCHAR(1000))");
        db.update("INSERT INTO monitoring.DatabaseQueries (QueryName, QueryType, SqlQuery, ResultType, Description) "
                + "VALUES ('Connection Test', 'HealthCheck', 'SELECT 1 AS alive', 'Scalar', 'kept as the DBA wrote it')");
        db.execute("CREATE TABLE monitoring.Config (ConfigId SERIAL PRIMARY KEY, ConfigKey VARCHAR(200) NOT NULL, ConfigValue VARCHAR(4000))");
        db.update("INSERT INTO monitoring.Config (ConfigKey, ConfigValue) VALUES ('PopAI.Theme', 'dark'), ('MonitoringWorker.RetentionDays', '90')");

        for (int start = 1; start <= 2; start++) {
            try (ConfigurableApplicationContext app = WorkerApp.start(url, "postgres", "", Map.of())) {
                Store store = new Store(app.getBean(javax.sql.DataSource.class));
                assertThat(db.queryForList("SELECT Name FROM monitoring.Indicators", String.class)).containsExactly("existing PopAI indicator");
                Row worker = Row.of(db.queryForMap("SELECT * FROM monitoring.WorkerInstances WHERE WorkerInstanceId = ?", OLD_WORKER));
                assertThat(worker.string("WorkerName")).isEqualTo("legacy-worker");
                assertThat(worker.string("Status")).isEqualTo("Stopped");
                assertThat(worker.integer("ProcessId")).isEqualTo(42);
                assertThat(worker.string("Configuration")).isNull();
                Row connection = Row.of(db.queryForMap("SELECT * FROM monitoring.DatabaseConnections WHERE ConnectionId = ?", OLD_CONNECTION));
                assertThat(connection.string("ConnectionString")).isEqualTo(targetUrl);
                assertThat(connection.integer("CommandTimeoutSeconds")).as("added column takes its default").isEqualTo(30);
                assertThat(db.queryForList("SELECT SqlQuery FROM monitoring.DatabaseQueries WHERE QueryName = 'Connection Test'", String.class))
                        .containsExactly("SELECT 1 AS alive");
                assertThat(db.queryForList("SELECT ConfigKey || '=' || ConfigValue FROM monitoring.Config ORDER BY ConfigId", String.class))
                        .containsExactly("PopAI.Theme=dark", "MonitoringWorker.RetentionDays=90");
                assertThat(db.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = 'monitoring'", String.class))
                        .contains("workerjobs", "databasemonitoringresults", "workermetrics", "vw_latestresults", "vw_workerhealth", "vw_jobqueue",
                                "alertstates", "alertevents", "vw_currentalerts", "vw_alerttransitionsperday", "vw_noisyqueries",
                                "monitoringworker_schema_history", "queryversions", "countersamples", "maintenancewindows", "auditlog");
                List<String> history = db.queryForList("SELECT version || ':' || type FROM monitoring.monitoringworker_schema_history ORDER BY installed_rank", String.class);
                assertThat(history).containsExactly("0:BASELINE", "1:SQL", "2:SQL", "3:SQL", "4:SQL", "5:SQL", "6:SQL", "7:SQL", "9:SQL", "10:SQL", "11:SQL",
                        "12:SQL");

                UUID job = store.job("adopted connection", OLD_CONNECTION, null, null, 3);
                store.awaitJob(job, "Succeeded", Duration.ofSeconds(30));
                assertThat(store.results(job).get("legacy-pg/Connection Test").decimal("ResultValue")).isEqualTo(1.0);
            }
            assertThat(db.queryForList("SELECT Status FROM monitoring.WorkerInstances WHERE WorkerName LIKE 'test-worker-%'", String.class))
                    .as("a worker marks itself Stopped when it shuts down").hasSize(start).containsOnly("Stopped");
        }
    }
}
