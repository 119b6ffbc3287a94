package dev.monitoringworker.it;

import dev.monitoringworker.store.Row;
import dev.monitoringworker.support.Store;
import dev.monitoringworker.support.TestDatabases;
import dev.monitoringworker.support.WorkerApp;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole pipeline, end to end: a worker on a store runs jobs against a real PostgreSQL target and a real
 * MariaDB target (MySQL provider). Subclasses choose the store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PipelineScenario {

    private static final String ENV = "it";
    private ConfigurableApplicationContext app;
    private Store store;
    private JdbcTemplate pgTarget;
    private UUID pg;
    private UUID maria;
    private UUID pgLoad;

    /** JDBC URL of a fresh store database. */
    abstract String storeUrl();

    abstract String storeUser();

    @BeforeAll
    void startWorkerOnStoreWithTargets() {
        String pgUrl = TestDatabases.newPostgresDatabase("target");
        pgTarget = new JdbcTemplate(TestDatabases.postgresDataSource(pgUrl));
        pgTarget.execute("CREATE TABLE metrics (name VARCHAR(50) PRIMARY KEY, value NUMERIC)");
        pgTarget.update("INSERT INTO metrics VALUES ('load', 5)");
        String mariaUrl = TestDatabases.newMariaDbDatabase("target");
        JdbcTemplate mariaTarget = new JdbcTemplate(TestDatabases.mariaDbDataSource(mariaUrl));
        mariaTarget.execute("CREATE TABLE orders (id INT PRIMARY KEY, status VARCHAR(20))");
        mariaTarget.update("INSERT INTO orders VALUES (1, 'open'), (2, 'open'), (3, 'open'), (4, 'shipped')");

        app = WorkerApp.start(storeUrl(), storeUser(), "", Map.of());
        store = new Store(app.getBean(DataSource.class));
        URI pgUri = URI.create(pgUrl.substring(5));
        // ADO.NET style for PostgreSQL, a JDBC URL for MariaDB: both forms users write
        pg = store.connection("pg-target", "PostgreSQL", "Host=" + pgUri.getHost() + ";Port=" + pgUri.getPort()
                + ";Database=" + pgUri.getPath().substring(1) + ";Username=postgres;Password=", ENV, 5);
        maria = store.connection("maria-target", "MariaDB", mariaUrl + "?user=root", ENV, 5);
        store.connection("dead-target", "PostgreSQL", "Host=127.0.0.1;Port=1;Database=x;Username=u;Password=p", ENV, 1);
        pgLoad = store.query("pg load", "PostgreSQL", "SELECT value FROM metrics WHERE name = 'load'", "Scalar", 50.0, 90.0, "GreaterThan", null, 100, false);
        store.query("pg bad sql", "PostgreSQL", "SELEC 1", "Scalar", null, null, null, null, 100, false);
        store.query("pg slow", "PostgreSQL", "SELECT pg_sleep(5)", "Scalar", null, null, null, 1, 100, false);
        store.query("maria open orders", "MySQL", "SELECT id, status FROM orders WHERE status = 'open' ORDER BY id", "DataSet", 1.0, 5.0, ">", null, 2, false);
        store.query("maria touch orders", "MySQL", "UPDATE orders SET status = status WHERE id > 0", "NonQuery", null, null, null, null, 100, true);
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aFanOutJobYieldsOneJudgedResultPerConnectionAndQuery() {
        UUID job = store.job("fan-out", null, null, ENV, 3);
        Row done = store.awaitJob(job, "Succeeded", Duration.ofSeconds(60));
        Map<String, Row> r = store.results(job);

        assertThat(r).containsOnlyKeys(
                "pg-target/Connection Test", "pg-target/pg load", "pg-target/pg bad sql", "pg-target/pg slow",
                "dead-target/Connection Test", "dead-target/pg load", "dead-target/pg bad sql", "dead-target/pg slow",
                "maria-target/Connection Test", "maria-target/maria open orders", "maria-target/maria touch orders");
        assertThat(r.get("pg-target/Connection Test").string("Status")).isEqualTo("Ok");
        assertThat(r.get("pg-target/pg load").decimal("ResultValue")).isEqualTo(5.0);
        assertThat(r.get("pg-target/pg load").string("Status")).isEqualTo("Ok");
        assertThat(r.get("pg-target/pg bad sql").string("Status")).isEqualTo("Error");
        assertThat(r.get("pg-target/pg bad sql").string("ErrorMessage"))
                .startsWith("connection 'pg-target', query 'pg bad sql': ").contains("syntax error").contains("SQLState 42601");
        assertThat(r.get("pg-target/pg slow").string("Status")).isEqualTo("Timeout");
        assertThat(r.get("pg-target/pg slow").integer("DurationMs")).isBetween(900, 4500);
        assertThat(r.get("dead-target/Connection Test").string("Status")).isEqualTo("Error");
        assertThat(r.get("dead-target/Connection Test").string("ErrorMessage")).contains("connection 'dead-target'").containsIgnoringCase("refused");
        assertThat(r.get("dead-target/Connection Test").string("ErrorMessage")).doesNotContain("Password=p");

        Row orders = r.get("maria-target/maria open orders");
        assertThat(orders.string("Status")).isEqualTo("Warning");
        assertThat(orders.decimal("ResultValue")).isEqualTo(2.0);
        assertThat(orders.string("Details")).contains("\"truncated\":true").contains("truncated at MaxRows=2").contains("\"status\":\"open\"");
        Row touched = r.get("maria-target/maria touch orders");
        assertThat(touched.string("Status")).isEqualTo("Ok");
        assertThat(touched.decimal("ResultValue")).isEqualTo(4.0);
        assertThat(r.values()).allSatisfy(row -> {
            assertThat(row.string("Details")).as("plaintext connection strings run here, flagged").contains("\"plaintextConnectionString\":true");
            assertThat(row.string("Environment")).isEqualTo(ENV);
            assertThat(row.integer("Attempt")).isEqualTo(1);
            assertThat(row.string("QueryHash")).hasSize(64);
        });

        assertThat(done.integer("Attempt")).isEqualTo(1);
        assertThat(done.string("ResultSummary")).isEqualTo("{\"results\":11,\"Ok\":4,\"Warning\":1,\"Error\":5,\"Timeout\":1}");
        assertThat(done.time("CompletedAt")).isNotNull();
        assertThat(done.time("LeaseExpiresAt")).isNull();
    }

    @Test
    void everyResultLeadsBackToTheTextThatProducedItThroughItsQueryHash() throws Exception {
        UUID versioned = store.query("pg versioned", "PostgreSQL", "SELECT 1", "Scalar", null, null, null, null, 100, false);
        UUID first = store.job("version 1", pg, versioned, null, 3);
        store.awaitJob(first, "Succeeded", Duration.ofSeconds(30));
        // changed as a DBA changes it: a plain UPDATE of the row
        store.jdbc().update("UPDATE monitoring.DatabaseQueries SET SqlQuery = 'SELECT 2' WHERE QueryId = ?", versioned);
        UUID second = store.job("version 2", pg, versioned, null, 3);
        store.awaitJob(second, "Succeeded", Duration.ofSeconds(30));
        UUID third = store.job("version 2 again", pg, versioned, null, 3);
        store.awaitJob(third, "Succeeded", Duration.ofSeconds(30));

        Map<String, String> ran = new java.util.LinkedHashMap<>();
        for (UUID job : List.of(first, second, third)) {
            Row result = store.results(job).get("pg-target/pg versioned");
            String text = store.jdbc().queryForObject("SELECT SqlQuery FROM monitoring.QueryVersions WHERE QueryId = ? AND QueryHash = ?",
                    String.class, versioned, result.string("QueryHash"));
            ran.put(job.toString(), text + " -> " + result.decimal("ResultValue"));
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8))))
                    .as("the hash is the text's SHA-256").isEqualToIgnoringCase(result.string("QueryHash"));
        }
        assertThat(ran.values()).containsExactly("SELECT 1 -> 1.0", "SELECT 2 -> 2.0", "SELECT 2 -> 2.0");
        assertThat(store.jdbc().queryForObject("SELECT COUNT(*) FROM monitoring.QueryVersions WHERE QueryId = ?", Integer.class, versioned))
                .as("one row per text").isEqualTo(2);
    }

    @Test
    void everyTimeTheStoreKeepsIsTheUtcClockWhateverTheWorkersZone() {
        // this JVM runs far from UTC (failsafe's user.timezone), so a local time would be hours off
        assertThat(java.time.ZoneId.systemDefault().getRules().getOffset(java.time.Instant.now())).isNotEqualTo(java.time.ZoneOffset.UTC);
        UUID job = store.job("clock", pg, pgLoad, null, 3);
        Row done = store.awaitJob(job, "Succeeded", Duration.ofSeconds(30));
        java.time.LocalDateTime utcNow = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC);
        Row result = store.results(job).get("pg-target/pg load");
        for (java.time.LocalDateTime t : List.of(done.time("CreatedAt"), done.time("ScheduledAt"), done.time("StartedAt"), done.time("CompletedAt"),
                result.time("ExecutedAt"))) {
            assertThat(Duration.between(t, utcNow).abs()).isLessThan(Duration.ofMinutes(2));
        }
    }

    @Test
    void aValueAcrossTheCriticalThresholdTurnsTheResultCritical() {
        pgTarget.update("UPDATE metrics SET value = 95 WHERE name = 'load'");
        try {
            UUID job = store.job("pg load now", pg, pgLoad, null, 3);
            store.awaitJob(job, "Succeeded", Duration.ofSeconds(30));
            Row result = store.results(job).get("pg-target/pg load");
            assertThat(result.string("Status")).isEqualTo("Critical");
            assertThat(result.decimal("ResultValue")).isEqualTo(95.0);
            assertThat(result.string("Details")).contains("95 > 90 (CriticalThreshold)");
        } finally {
            pgTarget.update("UPDATE metrics SET value = 5 WHERE name = 'load'");
        }
    }

    @Test
    void anIntervalQueryIsScheduledOncePerSlotAtUtcTimes() {
        UUID every2s = store.query("pg every 2 s", "PostgreSQL", "SELECT 7", "Scalar", null, null, null, null, 100, false);
        store.jdbc().update("UPDATE monitoring.DatabaseQueries SET IntervalSeconds = 2 WHERE QueryId = ?", every2s);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> store.jdbc().queryForObject(
                    "SELECT COUNT(*) FROM monitoring.WorkerJobs WHERE QueryId = ? AND ConnectionId = ? AND Status = 'Succeeded'",
                    Integer.class, every2s, pg) >= 3);
        } finally {
            store.jdbc().update("UPDATE monitoring.DatabaseQueries SET IsEnabled = FALSE WHERE QueryId = ?", every2s);
        }
        for (Map<String, Object> raw : store.jdbc().queryForList(
                "SELECT * FROM monitoring.WorkerJobs WHERE QueryId = ? AND ConnectionId = ? AND Status = 'Succeeded'", every2s, pg)) {
            Row job = Row.of(raw);
            String[] key = job.string("DedupeKey").split(":");
            assertThat(key[0]).isEqualTo(every2s.toString());
            assertThat(key[1]).isEqualTo(pg.toString());
            long slot = Long.parseLong(key[2]);
            assertThat(job.time("ScheduledAt")).as("ScheduledAt is the slot start in UTC")
                    .isEqualTo(java.time.LocalDateTime.ofEpochSecond(slot, 0, java.time.ZoneOffset.UTC));
            assertThat(store.results(job.uuid("JobId")).get("pg-target/pg every 2 s").decimal("ResultValue")).isEqualTo(7.0);
        }
        assertThat(store.jdbc().queryForObject("SELECT MAX(ScheduledAt) FROM monitoring.WorkerJobs WHERE QueryId = ?",
                java.sql.Timestamp.class, every2s).toLocalDateTime())
                .isCloseTo(java.time.LocalDateTime.now(java.time.ZoneOffset.UTC), org.assertj.core.api.Assertions.within(30, java.time.temporal.ChronoUnit.SECONDS));
    }

    @Test
    void aJobThatCannotRunIsRetriedWithBackoffThenFailed() {
        UUID missing = UUID.randomUUID();
        UUID job = store.job("names a missing connection", missing, null, null, 3);
        Row failed = store.awaitJob(job, "Failed", Duration.ofSeconds(30));
        assertThat(failed.integer("Attempt")).isEqualTo(3);
        assertThat(failed.string("LastError")).isEqualTo("attempt 3 of 3: ConnectionId " + missing + " does not exist in DatabaseConnections");
        assertThat(failed.time("NextAttemptAt")).isNull();
        assertThat(failed.time("CompletedAt")).isNotNull();
        assertThat(store.results(job)).isEmpty();
    }

    @Test
    void anExpiredLeaseIsReclaimedAndTheJobRunsOnce() {
        UUID ghost = UUID.randomUUID();
        store.jdbc().update("INSERT INTO monitoring.WorkerInstances (WorkerInstanceId, WorkerName, MachineName, Status, StartedAt, LastHeartbeatAt) "
                + "VALUES (?, 'ghost', 'nowhere', 'Running', ?, ?)", ghost, java.sql.Timestamp.valueOf("2020-01-01 00:00:00"),
                java.sql.Timestamp.valueOf("2020-01-01 00:00:00"));
        UUID job = UUID.randomUUID();
        store.jdbc().update("INSERT INTO monitoring.WorkerJobs (JobId, JobName, Status, WorkerInstanceId, ConnectionId, QueryId, Attempt, StartedAt, LeaseExpiresAt) "
                        + "VALUES (?, 'abandoned', 'Running', ?, ?, ?, 1, ?, ?)", job, ghost, pg, pgLoad,
                java.sql.Timestamp.valueOf("2020-01-01 00:00:00"), java.sql.Timestamp.valueOf("2020-01-01 00:00:10"));

        Row done = store.awaitJob(job, "Succeeded", Duration.ofSeconds(30));
        assertThat(done.integer("Attempt")).isEqualTo(2);
        assertThat(done.string("LastError")).startsWith("attempt 1 of 3: lease expired while running on worker ");
        assertThat(done.uuid("WorkerInstanceId")).isNotEqualTo(ghost);
        assertThat(store.results(job)).containsOnlyKeys("pg-target/pg load");
        await().atMost(Duration.ofSeconds(10)).until(() -> "Dead".equals(
                store.jdbc().queryForObject("SELECT Status FROM monitoring.WorkerInstances WHERE WorkerInstanceId = ?", String.class, ghost)));
    }

    @Test
    void healthAndPrometheusAreServedOnTheManagementPort() throws Exception {
        UUID job = store.job("scrape me", pg, pgLoad, null, 3);
        store.awaitJob(job, "Succeeded", Duration.ofSeconds(30));
        String port = app.getEnvironment().getProperty("local.management.port");
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        String metrics = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(metrics).containsPattern("monitoring_results_total\\{[^}]*provider=\"PostgreSQL\"[^}]*status=\"Ok\"[^}]*} [1-9]");
    }

    @Test
    void theWorkerIsRegisteredAndHeartbeats() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Row w = Row.of(store.jdbc().queryForMap("SELECT * FROM monitoring.vw_WorkerHealth WHERE WorkerName LIKE 'test-worker-%'"));
            assertThat(w.string("Status")).isEqualTo("Running");
            assertThat(w.integer("ProcessId")).isEqualTo((int) ProcessHandle.current().pid());
            assertThat(w.string("Environment")).isEqualTo(ENV);
            assertThat(w.integer("HeartbeatAgeSeconds")).isLessThanOrEqualTo(2);
        });
        String configuration = store.jdbc().queryForObject(
                "SELECT Configuration FROM monitoring.WorkerInstances WHERE WorkerName LIKE 'test-worker-%'", String.class);
        assertThat(configuration).contains("\"monitoring.poll.batch-size\":\"20\"").doesNotContain("password");
    }

    @Test
    void everyPersistedResultIsCountedByStatusAndProvider() {
        UUID job = store.job("count me", maria, null, null, 3);
        store.awaitJob(job, "Succeeded", Duration.ofSeconds(30));
        MeterRegistry registry = app.getBean(MeterRegistry.class);
        double ok = registry.find("monitoring.results").tag("status", "Ok").tag("provider", "MySQL").counters()
                .stream().mapToDouble(Counter::count).sum();
        assertThat(ok).isGreaterThanOrEqualTo(2.0);
        // results are counted right after their transaction commits: the count catches up with the rows
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Integer persisted = store.jdbc().queryForObject("SELECT COUNT(*) FROM monitoring.DatabaseMonitoringResults", Integer.class);
            double counted = registry.find("monitoring.results").counters().stream().mapToDouble(Counter::count).sum();
            assertThat(counted).isEqualTo(persisted.doubleValue());
        });
    }
}
