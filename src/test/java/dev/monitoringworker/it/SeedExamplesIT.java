package dev.monitoringworker.it;

import dev.monitoringworker.store.Row;
import dev.monitoringworker.support.Store;
import dev.monitoringworker.support.TestDatabases;
import dev.monitoringworker.support.WorkerApp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

import javax.sql.DataSource;
import java.sql.Connection;
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
    @ValueSource(strings = {"h2", "postgresql"})
    void theFourUsageExamplesWorkAsWritten(String dialect) throws Exception {
        String url = dialect.equals("h2") ? "jdbc:h2:mem:seed-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"
                : TestDatabases.newPostgresDatabase("seed");
        String targetUrl = TestDatabases.newPostgresDatabase("seedtarget");
        try (ConfigurableApplicationContext app = WorkerApp.start(url, dialect.equals("h2") ? "sa" : "postgres", "", Map.of())) {
            DataSource ds = app.getBean(DataSource.class);
            Store store = new Store(ds);
            store.connection("pg-target", "PostgreSQL", targetUrl, "Test", 5);
            try (Connection c = ds.getConnection()) {
                ScriptUtils.executeSqlScript(c, new ClassPathResource("seed-examples/" + dialect + ".sql"));
            }

            UUID job = store.jdbc().queryForObject("SELECT JobId FROM monitoring.WorkerJobs WHERE JobName = 'Check Production DB'", UUID.class);
            Row done = store.awaitJob(job, "Succeeded", Duration.ofSeconds(60));
            assertThat(done.uuid("WorkerInstanceId")).isNotEqualTo(EXAMPLE_WORKER);
            assertThat(done.integer("Priority")).isEqualTo(1);
            await().atMost(Duration.ofSeconds(10)).until(() -> "Dead".equals(store.jdbc().queryForObject(
                    "SELECT Status FROM monitoring.WorkerInstances WHERE WorkerInstanceId = ?", String.class, EXAMPLE_WORKER)));

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
