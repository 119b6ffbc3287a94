package dev.monitoringworker.it;

import dev.monitoringworker.store.Row;
import dev.monitoringworker.support.SqlServerDatabases;
import dev.monitoringworker.support.Store;
import dev.monitoringworker.support.TestDatabases;
import dev.monitoringworker.support.WorkerApp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The seed's four SQL usage examples, run against the store as a DBA would: the registered worker never
 * heartbeats, so it is declared Dead and its pinned job is freed and run by the real worker.
 */
class SeedExamplesIT {

    private static final UUID EXAMPLE_WORKER = UUID.fromString("c0ffee00-0000-4000-8000-000000000001");

    @ParameterizedTest(name = "store {0}")
    @ValueSource(strings = {"h2", "postgresql", "sqlserver"})
    void theFourUsageExamplesWorkAsWritten(String dialect) throws Exception {
        String url;
        String user;
        String password = "";
        switch (dialect) {
            case "h2" -> {
                url = "jdbc:h2:mem:seed-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
                user = "sa";
            }
            case "postgresql" -> {
                url = TestDatabases.newPostgresDatabase("seed");
                user = "postgres";
            }
            default -> {
                SqlServerDatabases.Server server = SqlServerDatabases.server();
                url = SqlServerDatabases.newDatabase("seed");
                user = server.username();
                password = server.password();
            }
        }
        String targetUrl = TestDatabases.newPostgresDatabase("seedtarget");
        try (ConfigurableApplicationContext app = WorkerApp.start(url, user, password, Map.of())) {
            DataSource ds = app.getBean(DataSource.class);
            Store store = new Store(ds);
            store.connection("pg-target", "PostgreSQL", targetUrl, "Test", 5);
            String script = new ClassPathResource("seed-examples/" + dialect + ".sql").getContentAsString(StandardCharsets.UTF_8);
            try (Connection c = ds.getConnection()) {
                if (dialect.equals("sqlserver")) {
                    // T-SQL as a DBA runs it in one batch: example 4 uses the variable example 1 declares
                    try (Statement batch = c.createStatement()) {
                        batch.execute(script);
                    }
                } else {
                    ScriptUtils.executeSqlScript(c, new ByteArrayResource(script.getBytes(StandardCharsets.UTF_8)));
                }
            }

            UUID exampleWorker = UUID.fromString(store.jdbc().queryForObject(
                    "SELECT CAST(WorkerInstanceId AS VARCHAR(36)) FROM monitoring.WorkerInstances WHERE WorkerName = 'MonitoringWorker-01'", String.class).trim());
            if (!dialect.equals("sqlserver")) {
                assertThat(exampleWorker).isEqualTo(EXAMPLE_WORKER);
            }
            UUID job = UUID.fromString(store.jdbc().queryForObject(
                    "SELECT CAST(JobId AS VARCHAR(36)) FROM monitoring.WorkerJobs WHERE JobName = 'Check Production DB'", String.class).trim());
            Row done = store.awaitJob(job, "Succeeded", Duration.ofSeconds(60));
            assertThat(done.uuid("WorkerInstanceId")).isNotEqualTo(exampleWorker);
            assertThat(done.integer("Priority")).isEqualTo(1);
            await().atMost(Duration.ofSeconds(10)).until(() -> "Dead".equals(store.jdbc().queryForObject(
                    "SELECT Status FROM monitoring.WorkerInstances WHERE WorkerInstanceId = ?", String.class, exampleWorker)));

            Map<String, Row> results = store.results(job);
            assertThat(results).containsOnlyKeys("Production-DB/Connection Test", "Production-DB/CPU Usage Check",
                    "pg-target/Connection Test", "pg-target/CPU Usage Check");
            assertThat(results.get("Production-DB/Connection Test").string("ErrorMessage"))
                    .isEqualTo("connection 'Production-DB': ConnectionString server '...' is not a host name or address");
            assertThat(results.get("Production-DB/CPU Usage Check").string("Status")).isEqualTo("Error");
            assertThat(results.get("pg-target/Connection Test").string("Status")).isEqualTo("Ok");
            assertThat(results.get("pg-target/CPU Usage Check").string("ErrorMessage"))
                    .contains("sys.dm_db_resource_stats").contains("does not exist");
        }
    }
}
