package dev.monitoringworker.store;

import dev.monitoringworker.checks.CheckInstaller;
import dev.monitoringworker.support.ParameterMetadataSpy;
import dev.monitoringworker.support.SqlServerDatabases;
import dev.monitoringworker.support.StoreMigrations;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.sql.SqlComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Every statement in {@code sql/sqlserver/} run on a SQL Server store (the TDS engine, or SQL Server 2022 where
 * Docker runs), each with its effect checked: the routes' statements through camel-sql as the routes send them,
 * the API's and commands' through Spring's named-parameter template as their code does. The last test fails when
 * a file was run by none of them, and when the driver was asked to describe any statement's parameters.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SqlServerStoreStatementsIT {

    private final Set<String> executed = ConcurrentHashMap.newKeySet();
    private JdbcTemplate db;
    private ParameterMetadataSpy driver;
    private CamelContext camel;
    private ProducerTemplate routes;
    private NamedParameterJdbcTemplate code;
    private final UUID worker = UUID.randomUUID();

    /** Once per class (each test is skipped, and counted so, where no server runs). */
    @BeforeEach
    void migrateAFreshDatabase() {
        if (camel != null) {
            return;
        }
        DataSource store = SqlServerDatabases.dataSource(SqlServerDatabases.newDatabase("statements"));
        StoreMigrations.flyway(store, StoreDialect.SQLSERVER).migrate();
        db = new JdbcTemplate(store);
        driver = new ParameterMetadataSpy(store);
        camel = new DefaultCamelContext();
        SqlComponent sql = new SqlComponent();
        sql.setDataSource(new ParameterCountingDataSource(driver));
        camel.addComponent("sql", sql);
        camel.start();
        routes = camel.createProducerTemplate();
        code = new NamedParameterJdbcTemplate(driver);
        route("register-worker", Map.of("WorkerInstanceId", worker, "WorkerName", "statements", "MachineName", "host",
                "ProcessId", 1, "Version", "test", "Environment", "it", "Configuration", "{\"jobThreads\":1}"));
    }

    @AfterAll
    void stop() throws Exception {
        if (camel != null) {
            camel.close();
        }
    }

    @Test
    @Order(1)
    void workerLifecycle() {
        assertThat(row("SELECT * FROM monitoring.WorkerInstances WHERE WorkerInstanceId = ?", worker).string("Status")).isEqualTo("Running");
        db.update("UPDATE monitoring.WorkerInstances SET Status = N'Starting', LastHeartbeatAt = NULL WHERE WorkerInstanceId = ?", worker);
        assertThat(updated(route("heartbeat", Map.of("WorkerInstanceId", worker)))).isEqualTo(1);
        Row alive = row("SELECT * FROM monitoring.WorkerInstances WHERE WorkerInstanceId = ?", worker);
        assertThat(alive.string("Status")).isEqualTo("Running");
        assertThat(alive.time("LastHeartbeatAt")).isCloseTo(storeNow(), within(5, java.time.temporal.ChronoUnit.SECONDS));

        UUID silent = UUID.randomUUID();
        UUID stopped = UUID.randomUUID();
        for (UUID w : List.of(silent, stopped)) {
            route("register-worker", Map.of("WorkerInstanceId", w, "WorkerName", "other", "MachineName", "host", "ProcessId", 2,
                    "Version", "test", "Environment", "it", "Configuration", "{}"));
        }
        db.update("UPDATE monitoring.WorkerInstances SET LastHeartbeatAt = DATEADD(MINUTE, -10, SYSUTCDATETIME()) WHERE WorkerInstanceId = ?", silent);
        assertThat(updated(route("drain-worker", Map.of("WorkerInstanceId", stopped)))).isEqualTo(1);
        assertThat(status("WorkerInstances", "WorkerInstanceId", stopped)).isEqualTo("Draining");
        assertThat(updated(route("stop-worker", Map.of("WorkerInstanceId", stopped)))).isEqualTo(1);
        assertThat(status("WorkerInstances", "WorkerInstanceId", stopped)).isEqualTo("Stopped");
        assertThat(updated(route("mark-dead-workers", Map.of("DeadAfterSeconds", 60)))).isEqualTo(1);
        assertThat(status("WorkerInstances", "WorkerInstanceId", silent)).isEqualTo("Dead");
        assertThat(status("WorkerInstances", "WorkerInstanceId", worker)).isEqualTo("Running");

        UUID pinnedToDead = pendingJob("pinned to a dead worker", 5, 0, silent);
        UUID pinnedToLive = pendingJob("pinned to a live worker", 5, 0, worker);
        assertThat(updated(route("unpin-jobs", Map.of()))).isEqualTo(1);
        assertThat(job(pinnedToDead).string("WorkerInstanceId")).isNull();
        assertThat(job(pinnedToLive).uuid("WorkerInstanceId")).isEqualTo(worker);
        db.update("DELETE FROM monitoring.WorkerJobs");
    }

    @Test
    @Order(2)
    void claimTakesTheMostUrgentDueJobsAndLeasesThem() {
        UUID urgentOld = pendingJob("urgent, older", 1, -120, null);
        UUID urgentNew = pendingJob("urgent, newer", 1, -60, null);
        UUID routine = pendingJob("routine", 5, -300, null);
        UUID future = pendingJob("not due yet", 1, 600, null);
        UUID backingOff = pendingJob("backing off", 1, -300, null);
        db.update("UPDATE monitoring.WorkerJobs SET NextAttemptAt = DATEADD(MINUTE, 5, SYSUTCDATETIME()) WHERE JobId = ?", backingOff);
        UUID other = UUID.randomUUID();
        route("register-worker", Map.of("WorkerInstanceId", other, "WorkerName", "other", "MachineName", "host", "ProcessId", 3,
                "Version", "test", "Environment", "it", "Configuration", "{}"));
        UUID pinnedElsewhere = pendingJob("pinned to another worker", 1, -300, other);

        List<Row> first = selected(route("claim-jobs", Map.of("BatchSize", 2, "LeaseSeconds", 60, "WorkerInstanceId", worker)));
        assertThat(first).extracting(r -> r.uuid("JobId")).containsExactlyInAnyOrder(urgentOld, urgentNew);
        assertThat(first).allSatisfy(r -> {
            assertThat(r.string("Status")).isEqualTo("Running");
            assertThat(r.uuid("WorkerInstanceId")).isEqualTo(worker);
            assertThat(r.integer("Attempt")).isEqualTo(1);
            assertThat(r.time("LeaseExpiresAt")).isCloseTo(storeNow().plusSeconds(60), within(5, java.time.temporal.ChronoUnit.SECONDS));
        });
        List<Row> second = selected(route("claim-jobs", Map.of("BatchSize", 10, "LeaseSeconds", 60, "WorkerInstanceId", worker)));
        assertThat(second).extracting(r -> r.uuid("JobId")).containsExactly(routine);
        assertThat(job(future).string("Status")).isEqualTo("Pending");
        assertThat(job(backingOff).string("Status")).isEqualTo("Pending");
        assertThat(job(pinnedElsewhere).string("Status")).isEqualTo("Pending");

        assertThat(selected(route("select-own-running-jobs", Map.of("WorkerInstanceId", worker))))
                .extracting(r -> r.uuid("JobId")).containsExactlyInAnyOrder(urgentOld, urgentNew, routine);
        assertThat(updated(route("extend-leases", Map.of("LeaseSeconds", 600, "WorkerInstanceId", worker, "JobIds", List.of(urgentOld, routine)))))
                .isEqualTo(2);
        assertThat(job(urgentOld).time("LeaseExpiresAt")).isCloseTo(storeNow().plusSeconds(600), within(5, java.time.temporal.ChronoUnit.SECONDS));
        assertThat(job(urgentNew).time("LeaseExpiresAt")).isBefore(storeNow().plusSeconds(120));
        assertThat(selected(route("select-jobs", Map.of("JobIds", List.of(urgentOld, future)))))
                .extracting(r -> r.uuid("JobId") + "=" + r.string("Status"))
                .containsExactlyInAnyOrder(urgentOld + "=Running", future + "=Pending");
        assertThat(selected(route("select-queue-depth", Map.of()))).extracting(r -> r.string("Status") + "=" + r.integer("Jobs"))
                .containsExactlyInAnyOrder("Running=3", "Pending=3", "Notifying=0");
    }

    @Test
    @Order(3)
    void completionsFailuresReleasesAndTheReaperAreFenced() {
        UUID a = runningJob("complete me", 1, 3);
        Map<String, Object> stale = Map.of("JobId", a, "WorkerInstanceId", worker, "Attempt", 2, "ResultSummary", "{}", "DurationMs", 5);
        assertThat(updated(route("complete-job", stale))).as("an attempt that lost its lease changes nothing").isZero();
        Map<String, Object> current = new HashMap<>(stale);
        current.put("Attempt", 1);
        current.put("ResultSummary", "{\"results\":1}");
        assertThat(updated(route("complete-job", current))).isEqualTo(1);
        Row done = job(a);
        assertThat(done.string("Status")).isEqualTo("Succeeded");
        assertThat(done.string("ResultSummary")).isEqualTo("{\"results\":1}");
        assertThat(done.time("LeaseExpiresAt")).isNull();
        assertThat(done.time("CompletedAt")).isNotNull();

        UUID retried = runningJob("fail once", 1, 3);
        UUID exhausted = runningJob("fail for good", 3, 3);
        for (UUID j : List.of(retried, exhausted)) {
            Map<String, Object> p = new HashMap<>();
            p.put("JobId", j);
            p.put("WorkerInstanceId", worker);
            p.put("Attempt", job(j).integer("Attempt"));
            p.put("BackoffSeconds", 30);
            p.put("LastError", "attempt failed: target refused");
            p.put("DurationMs", 7);
            assertThat(updated(route("fail-job", p))).isEqualTo(1);
        }
        Row again = job(retried);
        assertThat(again.string("Status")).isEqualTo("Pending");
        assertThat(again.string("WorkerInstanceId")).isNull();
        assertThat(again.time("NextAttemptAt")).isCloseTo(storeNow().plusSeconds(30), within(5, java.time.temporal.ChronoUnit.SECONDS));
        Row failed = job(exhausted);
        assertThat(failed.string("Status")).isEqualTo("Failed");
        assertThat(failed.string("LastError")).isEqualTo("attempt failed: target refused");
        assertThat(failed.time("CompletedAt")).isNotNull();

        UUID held = runningJob("hand back", 1, 3);
        UUID notListed = runningJob("kept", 1, 3);
        assertThat(updated(route("release-jobs", Map.of("AttemptsBack", 1, "WorkerInstanceId", worker, "JobIds", List.of(held))))).isEqualTo(1);
        assertThat(job(held).string("Status")).isEqualTo("Pending");
        assertThat(job(held).integer("Attempt")).isZero();
        assertThat(job(notListed).string("Status")).isEqualTo("Running");

        UUID expiring = runningJob("lease runs out", 1, 3);
        UUID lastTry = runningJob("lease runs out at the last attempt", 3, 3);
        db.update("UPDATE monitoring.WorkerJobs SET LeaseExpiresAt = DATEADD(SECOND, -1, SYSUTCDATETIME()) WHERE JobId IN (?, ?)", expiring, lastTry);
        assertThat(updated(route("reap-expired-leases", Map.of()))).isEqualTo(2);
        assertThat(job(expiring).string("Status")).isEqualTo("Pending");
        assertThat(job(expiring).string("LastError")).startsWith("attempt 1 of 3: lease expired while running on worker ");
        assertThat(job(lastTry).string("Status")).isEqualTo("Failed");
        assertThat(job(notListed).string("Status")).isEqualTo("Running");
    }

    @Test
    @Order(4)
    void scheduledJobsAreEnqueuedOncePerSlot() {
        UUID connection = connection("enqueue-target");
        UUID query = queryId("Connection Test");
        Map<String, Object> slot = new HashMap<>();
        slot.put("JobId", UUID.randomUUID());
        slot.put("JobName", "Connection Test on enqueue-target");
        slot.put("ConnectionId", connection);
        slot.put("QueryId", query);
        slot.put("Environment", "it");
        slot.put("ScheduledAt", Timestamp.valueOf(LocalDateTime.of(2026, 1, 1, 12, 0)));
        slot.put("DedupeKey", query + ":" + connection + ":1767268800");
        assertThat(updated(route("enqueue-job", slot))).isEqualTo(1);
        slot.put("JobId", UUID.randomUUID());
        assertThat(updated(route("enqueue-job", slot))).as("a second worker's insert of the same slot").isZero();
        assertThat(db.queryForObject("SELECT COUNT(*) FROM monitoring.WorkerJobs WHERE DedupeKey = ?", Integer.class, slot.get("DedupeKey"))).isEqualTo(1);

        // the pair now has a job not finished: the scheduler sees it busy, since its oldest unfinished slot
        assertThat(selected(route("select-busy-pairs", Map.of()))).filteredOn(r -> connection.equals(r.uuid("ConnectionId")))
                .singleElement().satisfies(r -> {
                    assertThat(r.uuid("QueryId")).isEqualTo(query);
                    assertThat(r.time("Since")).isEqualTo(LocalDateTime.of(2026, 1, 1, 12, 0));
                });
        // a later slot that came due meanwhile is recorded as skipped, once, with the reason
        Map<String, Object> skipped = new HashMap<>(slot);
        skipped.put("JobId", UUID.randomUUID());
        skipped.put("ScheduledAt", Timestamp.valueOf(LocalDateTime.of(2026, 1, 1, 12, 1)));
        skipped.put("DedupeKey", query + ":" + connection + ":1767268860");
        skipped.put("Reason", "slot skipped: the previous job of this connection and query (due 2026-01-01 12:00:00 UTC) had not finished");
        assertThat(updated(route("record-skipped-slot", skipped))).isEqualTo(1);
        skipped.put("JobId", UUID.randomUUID());
        assertThat(updated(route("record-skipped-slot", skipped))).as("another worker's record of the same slot").isZero();
        Map<String, Object> row = db.queryForMap("SELECT Status, LastError, ModifiedBy, CompletedAt FROM monitoring.WorkerJobs WHERE DedupeKey = ?",
                skipped.get("DedupeKey"));
        assertThat(row).containsEntry("Status", "Cancelled").containsEntry("LastError", skipped.get("Reason")).containsEntry("ModifiedBy", "scheduler");
        assertThat(row.get("CompletedAt")).isNotNull();
    }

    @Test
    @Order(5)
    void resultsAreWrittenOnceUnderTheFenceAndRetentionPurgesInBatches() {
        UUID connection = connection("results-target");
        UUID query = queryId("Connection Test");
        UUID j = runningJob("with a result", 1, 3);
        Map<String, Object> result = new HashMap<>();
        result.put("JobId", j);
        result.put("ConnectionId", connection);
        result.put("QueryId", query);
        result.put("WorkerInstanceId", worker);
        result.put("Attempt", 1);
        result.put("Environment", "it");
        result.put("Provider", "SqlServer");
        result.put("Status", "Ok");
        result.put("ResultValue", 1.0);
        result.put("ResultText", "1");
        result.put("ResultRowCount", 1);
        result.put("DurationMs", 3);
        result.put("ErrorMessage", null);
        result.put("Details", "{\"columns\":[\"\"]}");
        result.put("QueryHash", "a".repeat(64));
        assertThat(updated(route("insert-result", result))).as("before its job's completion").isZero();
        // the batch write completes a job first, in the same transaction: only then are its results written
        db.update("UPDATE monitoring.WorkerJobs SET Status = N'Succeeded' WHERE JobId = ?", j);
        assertThat(updated(route("insert-result", result))).isEqualTo(1);
        // the text behind the result's QueryHash, kept once
        Map<String, Object> version = Map.of("QueryId", query, "QueryHash", "a".repeat(64), "SqlQuery", "SELECT 1 AS ran");
        assertThat(updated(route("insert-query-version", version))).isEqualTo(1);
        assertThat(updated(route("insert-query-version", version))).as("a version already kept").isZero();
        assertThat(codeSelect("api-query-versions", Map.of("QueryId", query))).singleElement().satisfies(v -> {
            assertThat(v.string("QueryHash")).isEqualTo("a".repeat(64));
            assertThat(v.string("SqlQuery")).isEqualTo("SELECT 1 AS ran");
            assertThat(v.time("FirstSeenAt")).isNotNull();
        });
        assertThat(updated(route("insert-result", result))).as("the same result twice").isZero();
        Map<String, Object> staleAttempt = new HashMap<>(result);
        staleAttempt.put("Attempt", 2);
        staleAttempt.put("QueryId", UUID.randomUUID());
        assertThat(updated(route("insert-result", staleAttempt))).as("an attempt that lost its lease").isZero();
        assertThat(db.queryForObject("SELECT ResultValue FROM monitoring.DatabaseMonitoringResults WHERE JobId = ?", Double.class, j)).isEqualTo(1.0);

        assertThat(selected(route("select-retention-days", Map.of()))).extracting(r -> r.string("ConfigValue")).containsExactly("30");
        for (int i = 0; i < 3; i++) {
            route("insert-worker-metric", Map.of("WorkerInstanceId", worker, "MetricType", "Gauge", "MetricName", "jobs.running",
                    "MetricValue", (double) i, "Unit", "jobs", "Tags", "{}"));
        }
        assertThat(db.queryForObject("SELECT COUNT(*) FROM monitoring.WorkerMetrics", Integer.class)).isEqualTo(3);
        db.update("UPDATE monitoring.WorkerMetrics SET RecordedAt = DATEADD(DAY, -40, SYSUTCDATETIME())");
        db.update("UPDATE monitoring.DatabaseMonitoringResults SET ExecutedAt = DATEADD(DAY, -40, SYSUTCDATETIME())");
        db.update("UPDATE monitoring.WorkerJobs SET Status = N'Succeeded', CompletedAt = DATEADD(DAY, -40, SYSUTCDATETIME()) WHERE JobId = ?", j);
        UUID pendingOld = pendingJob("old but pending", 5, 0, null);
        assertThat(updated(route("purge-worker-metrics", Map.of("BatchSize", 2, "RetentionDays", 30)))).isEqualTo(2);
        assertThat(updated(route("purge-worker-metrics", Map.of("BatchSize", 2, "RetentionDays", 30)))).isEqualTo(1);
        assertThat(updated(route("purge-results", Map.of("BatchSize", 10, "RetentionDays", 30)))).isEqualTo(1);
        assertThat(updated(route("purge-finished-jobs", Map.of("BatchSize", 10, "RetentionDays", 30)))).isGreaterThanOrEqualTo(1);
        assertThat(db.queryForObject("SELECT COUNT(*) FROM monitoring.WorkerJobs WHERE JobId = ?", Integer.class, j)).isZero();
        assertThat(job(pendingOld).string("Status")).isEqualTo("Pending");

        // alerting rows: a delivered event long ago, and the state of a query that no longer exists
        UUID delivered = UUID.randomUUID();
        db.update("INSERT INTO monitoring.AlertEvents (EventId, ConnectionId, QueryId, RowKey, Sequence, Kind, FromState, ToState, OccurredAt, "
                + "Notifies, NotifiedAt) VALUES (?, ?, ?, N'', 1, N'StateChanged', N'Ok', N'Critical', DATEADD(DAY, -40, SYSUTCDATETIME()), 1, "
                + "DATEADD(DAY, -40, SYSUTCDATETIME()))", delivered, connection, query);
        UUID deletedQuery = UUID.randomUUID();
        db.update("INSERT INTO monitoring.AlertStates (ConnectionId, QueryId, RowKey, State, DataState, StateSince) "
                + "VALUES (?, ?, N'', N'Critical', N'Ok', SYSUTCDATETIME())", connection, deletedQuery);
        assertThat(updated(route("purge-alert-events", Map.of("BatchSize", 10, "RetentionDays", 30)))).isGreaterThanOrEqualTo(1);
        assertThat(db.queryForObject("SELECT COUNT(*) FROM monitoring.AlertEvents WHERE EventId = ?", Integer.class, delivered)).isZero();
        assertThat(updated(route("purge-orphan-alert-states", Map.of("BatchSize", 10)))).isGreaterThanOrEqualTo(1);
        assertThat(db.queryForObject("SELECT COUNT(*) FROM monitoring.AlertStates WHERE QueryId = ?", Integer.class, deletedQuery)).isZero();
    }

    @Test
    @Order(5)
    void counterReadingsKeepTheNewestAndAgeOut() {
        UUID connection = connection("counter-target");
        UUID query = queryId("Connection Test");
        Map<String, Object> first = sample(connection, query, "", 100.0, 1_000L);
        assertThat(updated(route("update-counter-sample", first))).as("nothing kept yet").isZero();
        assertThat(updated(route("insert-counter-sample", first))).isEqualTo(1);
        assertThat(updated(route("insert-counter-sample", first))).as("a first reading already kept").isZero();
        assertThat(updated(route("insert-counter-sample", sample(connection, query, "tempdb", 7.0, 1_000L)))).as("a key of its own").isEqualTo(1);
        assertThat(updated(route("update-counter-sample", sample(connection, query, "", 150.0, 2_000L)))).isEqualTo(1);
        assertThat(updated(route("update-counter-sample", sample(connection, query, "", 120.0, 1_500L)))).as("an older reading, late").isZero();
        List<Row> kept = selected(route("select-counter-samples", Map.of("ConnectionIds", List.of(connection), "QueryIds", List.of(query))));
        assertThat(kept).extracting(r -> r.string("RowKey")).containsExactlyInAnyOrder("", "tempdb");
        assertThat(kept).filteredOn(r -> r.string("RowKey").isEmpty()).singleElement().satisfies(r -> {
            assertThat(r.decimal("CounterValue")).isEqualTo(150.0);
            assertThat(((Number) r.get("SampledAtMs")).longValue()).isEqualTo(2_000L);
        });
        UUID deletedQuery = UUID.randomUUID();
        assertThat(updated(route("insert-counter-sample", sample(connection, deletedQuery, "", 1.0, System.currentTimeMillis())))).isEqualTo(1);
        assertThat(updated(route("insert-counter-sample", sample(connection, query, "fresh", 1.0, System.currentTimeMillis())))).isEqualTo(1);
        assertThat(updated(route("purge-counter-samples", Map.of("BatchSize", 10, "CutoffEpochMs", 5_000L))))
                .as("the two old readings and the one of a deleted query").isEqualTo(3);
        assertThat(db.queryForList("SELECT RowKey FROM monitoring.CounterSamples", String.class)).containsExactly("fresh");
    }

    private static Map<String, Object> sample(UUID connection, UUID query, String key, double value, long atMs) {
        return Map.of("ConnectionId", connection, "QueryId", query, "RowKey", key, "CounterValue", value, "SampledAtMs", atMs);
    }

    @Test
    @Order(6)
    void theCatalogAndItsConnectionStringsAreReadAndRewrittenWithoutLostEdits() {
        UUID c = connection("catalog-target");
        assertThat(selected(route("select-connections", Map.of()))).extracting(r -> r.string("ConnectionName")).contains("catalog-target");
        assertThat(selected(route("select-queries", Map.of()))).anySatisfy(q -> {
            assertThat(q.string("QueryName")).isEqualTo("Connection Test");
            assertThat(q.string("SqlQuery")).isEqualTo("SELECT 1");
            assertThat(q.integer("IntervalSeconds")).isEqualTo(60);
        });
        // a batch reads only what its jobs name, or everything when one of them names nothing
        UUID other = connection("catalog-other");
        UUID test = queryId("Connection Test");
        Map<String, Object> named = Map.of("ConnectionIds", List.of(c), "AllConnections", 0, "QueryIds", List.of(test), "AllQueries", 0);
        assertThat(selected(route("select-batch-connections", named))).extracting(r -> r.uuid("ConnectionId")).containsExactly(c);
        assertThat(selected(route("select-batch-queries", named))).extracting(r -> r.string("QueryName")).containsExactly("Connection Test");
        Map<String, Object> all = Map.of("ConnectionIds", List.of(new UUID(0, 0)), "AllConnections", 1, "QueryIds", List.of(new UUID(0, 0)),
                "AllQueries", 1);
        assertThat(selected(route("select-batch-connections", all))).extracting(r -> r.uuid("ConnectionId")).contains(c, other);
        assertThat(selected(route("select-batch-queries", all))).hasSizeGreaterThanOrEqualTo(1);
        List<Row> page = codeSelect("select-connection-strings", Map.of("BatchSize", 100, "After", "00000000-0000-0000-0000-000000000000"));
        assertThat(page).extracting(r -> r.uuid("ConnectionId")).contains(c);
        assertThat(codeUpdate("update-connection-string", Map.of("ConnectionId", c, "OldValue", "edited meanwhile", "NewValue", "enc:v1:x"))).isZero();
        assertThat(codeUpdate("update-connection-string", Map.of("ConnectionId", c, "OldValue", "Server=127.0.0.1;Database=x", "NewValue", "enc:v1:x"))).isEqualTo(1);
        assertThat(db.queryForObject("SELECT ConnectionString FROM monitoring.DatabaseConnections WHERE ConnectionId = ?", String.class, c)).isEqualTo("enc:v1:x");
    }

    @Test
    @Order(7)
    void alertStatesMoveUnderTheirSequenceAndEventsAreClaimedOnceInOrder() {
        UUID c = connection("alert-target");
        UUID q = queryId("Connection Test");
        db.update("UPDATE monitoring.DatabaseQueries SET WarningThreshold = 5, CriticalThreshold = 9, ComparisonOperator = N'GreaterThan' WHERE QueryId = ?", q);
        Map<String, Object> first = alertState(c, q, "Ok", 1);
        assertThat(updated(route("insert-alert-state", first))).isEqualTo(1);
        assertThat(updated(route("insert-alert-state", first))).as("another worker's insert of the same alert").isZero();
        assertThat(selected(route("select-alert-states", Map.of("ConnectionIds", List.of(c), "QueryIds", List.of(q)))))
                .extracting(r -> r.string("State") + "/" + r.integer("Sequence")).containsExactly("Ok/1");
        assertThat(selected(route("select-alert-rules", Map.of("QueryIds", List.of(q)))))
                .extracting(r -> r.decimal("CriticalThreshold")).containsExactly(9.0);

        Map<String, Object> toWarning = alertState(c, q, "Warning", 2);
        toWarning.put("ReadSequence", 7);
        assertThat(updated(route("update-alert-state", toWarning))).as("read at a sequence another worker moved on from").isZero();
        toWarning.put("ReadSequence", 1);
        assertThat(updated(route("update-alert-state", toWarning))).isEqualTo(1);
        Map<String, Object> event = alertEvent(c, q, 2, "Ok", "Warning");
        assertThat(updated(route("insert-alert-event", event))).isEqualTo(1);
        assertThat(updated(route("insert-alert-event", event))).as("the same change recorded twice").isZero();
        Map<String, Object> orphan = alertEvent(c, q, 3, "Warning", "Critical");
        assertThat(updated(route("insert-alert-event", orphan))).as("a change whose state was not written").isZero();

        Map<String, Object> toStale = new HashMap<>(Map.of("ConnectionId", c, "QueryId", q, "RowKey", "", "State", "Stale",
                "Sequence", 3, "ReadSequence", 2, "LastMessage", "no result for 2 intervals"));
        assertThat(updated(route("move-alert-state", toStale))).isEqualTo(1);
        Row stale = row("SELECT * FROM monitoring.AlertStates WHERE ConnectionId = ? AND QueryId = ?", c, q);
        assertThat(stale.string("State")).isEqualTo("Stale");
        assertThat(stale.decimal("LastValue")).as("kept from the last update").isEqualTo(7.0);
        assertThat(updated(route("insert-alert-event", alertEvent(c, q, 3, "Warning", "Stale")))).isEqualTo(1);

        db.update("UPDATE monitoring.AlertStates SET State = N'Warning', LastSeenAt = DATEADD(MINUTE, -10, SYSUTCDATETIME()) WHERE ConnectionId = ?", c);
        assertThat(selected(route("select-stale-alerts", Map.of()))).anySatisfy(s -> {
            assertThat(s.uuid("ConnectionId")).isEqualTo(c);
            assertThat(s.integer("SecondsSinceSeen")).isBetween(590, 700);
            assertThat(s.string("QueryName")).isEqualTo("Connection Test");
        });
        assertThat(selected(route("select-retired-alerts", Map.of()))).noneSatisfy(s -> assertThat(s.uuid("ConnectionId")).isEqualTo(c));
        db.update("UPDATE monitoring.DatabaseConnections SET IsEnabled = 0 WHERE ConnectionId = ?", c);
        assertThat(selected(route("select-retired-alerts", Map.of()))).filteredOn(s -> s.uuid("ConnectionId").equals(c)).singleElement().satisfies(s -> {
            assertThat(s.string("State")).isEqualTo("Warning");
            assertThat(s.flag("ConnectionEnabled", true)).isFalse();
            assertThat(s.integer("ConnectionDeleted")).isZero();
            assertThat(s.string("ConnectionName")).isEqualTo("alert-target");
        });
        assertThat(selected(route("select-result-values", Map.of()))).as("a disabled connection exports no value")
                .noneSatisfy(v -> assertThat(v.string("ConnectionName")).isEqualTo("alert-target"));
        db.update("UPDATE monitoring.DatabaseConnections SET IsEnabled = 1 WHERE ConnectionId = ?", c);
        assertThat(selected(route("select-result-values", Map.of()))).filteredOn(v -> "alert-target".equals(v.string("ConnectionName")))
                .singleElement().satisfies(v -> {
                    assertThat(v.string("QueryName")).isEqualTo("Connection Test");
                    assertThat(v.string("RowKey")).isEmpty();
                    assertThat(v.string("State")).isEqualTo("Warning");
                    assertThat(v.decimal("LastValue")).isEqualTo(7.0);
                });

        List<Row> claimed = selected(route("claim-alert-events", Map.of("BatchSize", 10, "LeaseSeconds", 60)));
        assertThat(claimed).as("the later change waits for the earlier one").hasSize(1);
        Row notice = claimed.get(0);
        assertThat(notice.string("ToState")).isEqualTo("Warning");
        assertThat(notice.string("ConnectionName")).isEqualTo("alert-target");
        assertThat(notice.string("QueryName")).isEqualTo("Connection Test");
        assertThat(notice.integer("NotifyAttempts")).isEqualTo(1);
        assertThat(selected(route("claim-alert-events", Map.of("BatchSize", 10, "LeaseSeconds", 60)))).as("leased").isEmpty();

        UUID eventId = notice.uuid("EventId");
        assertThat(updated(route("mark-alert-event-failed", new HashMap<>(Map.of("EventId", eventId, "NotifyAttempts", 1, "RetryInSeconds", 0,
                "NotifyError", "HTTP 503 from the receiver")))))
                .isEqualTo(1);
        List<Row> retried = selected(route("claim-alert-events", Map.of("BatchSize", 10, "LeaseSeconds", 60)));
        assertThat(retried).extracting(r -> r.uuid("EventId")).containsExactly(eventId);
        assertThat(updated(route("mark-alert-event-sent", Map.of("EventId", eventId, "NotifyAttempts", 1)))).as("an expired claim's late copy").isZero();
        assertThat(updated(route("mark-alert-event-sent", Map.of("EventId", eventId, "NotifyAttempts", 2)))).isEqualTo(1);
        List<Row> next = selected(route("claim-alert-events", Map.of("BatchSize", 10, "LeaseSeconds", 60)));
        assertThat(next).extracting(r -> r.string("ToState")).containsExactly("Stale");
        assertThat(next.get(0).time("PreviousChangeAt")).isNotNull();
    }

    @Test
    @Order(7)
    void changesHeldByAWindowAreHandedOverOnceWhenItEnds() {
        UUID c = connection("maintenance-target");
        UUID q = queryId("Connection Test");
        UUID window = UUID.randomUUID();
        Map<String, Object> w = new HashMap<>();
        for (String k : List.of("Environment", "QueryId", "RowKey", "Cron", "DurationMinutes", "TimeZone")) {
            w.put(k, null);
        }
        w.putAll(Map.of("WindowId", window, "Kind", "Maintenance", "ConnectionId", c, "StartsAt", storeNow().minusMinutes(1),
                "EndsAt", storeNow().plusMinutes(30), "Reason", "patching", "UserName", "api-operator"));
        assertThat(codeUpdate("api-insert-maintenance-window", w)).isEqualTo(1);
        assertThat(codeUpdate("api-insert-audit", Map.of("UserName", "api-operator", "Action", "CreateMaintenanceWindow", "Subject", window.toString(),
                "Details", "scope: connection " + c))).isEqualTo(1);
        assertThat(selected(route("select-maintenance-windows", Map.of()))).anySatisfy(r -> {
            assertThat(r.uuid("WindowId")).isEqualTo(window);
            assertThat(r.uuid("ConnectionId")).isEqualTo(c);
            assertThat(r.time("EndsAt")).isAfter(storeNow());
        });
        assertThat(codeSelect("api-maintenance-windows", Map.of("All", 0))).extracting(r -> r.uuid("WindowId")).contains(window);

        // two alerts of the connection change while the window runs; a worker claims each change and holds it back
        UUID other = UUID.randomUUID();
        db.update("INSERT INTO monitoring.DatabaseQueries (QueryId, QueryName, SqlQuery) VALUES (?, N'held-second', N'SELECT 2')", other);
        for (UUID query : List.of(q, other)) {
            assertThat(updated(route("insert-alert-state", alertState(c, query, "Critical", 1)))).isEqualTo(1);
            assertThat(updated(route("insert-alert-event", alertEvent(c, query, 1, "Ok", "Critical")))).isEqualTo(1);
        }
        List<Row> claimed = selected(route("claim-alert-events", Map.of("BatchSize", 50, "LeaseSeconds", 60))).stream()
                .filter(r -> c.equals(r.uuid("ConnectionId"))).toList();
        assertThat(claimed).hasSize(2);
        for (Row notice : claimed) {
            assertThat(updated(route("mark-alert-event-held", Map.of("EventId", notice.uuid("EventId"), "NotifyAttempts", notice.integer("NotifyAttempts"),
                    "HeldBy", window, "NotifyError", "held back by the maintenance window")))).isEqualTo(1);
        }
        assertThat(selected(route("claim-alert-events", Map.of("BatchSize", 50, "LeaseSeconds", 0))))
                .as("a held change is not claimed again").noneSatisfy(r -> assertThat(r.uuid("ConnectionId")).isEqualTo(c));
        // the second alert recovered before the window ended
        db.update("UPDATE monitoring.AlertStates SET State = N'Ok' WHERE ConnectionId = ? AND QueryId = ?", c, other);

        Map<String, Object> ended = Map.of("WindowId", window, "EndedAt", storeNow().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(updated(route("mark-window-end-handled", ended))).isEqualTo(1);
        assertThat(updated(route("mark-window-end-handled", ended))).as("handed over by one worker only").isZero();
        assertThat(updated(route("release-held-alert-events", Map.of("WindowId", window)))).as("only the alert still Critical").isEqualTo(1);
        assertThat(updated(route("release-held-alert-events", Map.of("WindowId", window)))).as("once").isZero();
        assertThat(selected(route("claim-alert-events", Map.of("BatchSize", 50, "LeaseSeconds", 60))).stream()
                .filter(r -> c.equals(r.uuid("ConnectionId"))).map(r -> r.uuid("QueryId")).toList()).containsExactly(q);

        assertThat(codeUpdate("api-cancel-maintenance-window", Map.of("WindowId", window, "UserName", "api-operator"))).isEqualTo(1);
        assertThat(codeUpdate("api-cancel-maintenance-window", Map.of("WindowId", window, "UserName", "api-operator"))).isZero();
        assertThat(codeSelect("api-audit", Map.of("Limit", 10))).anySatisfy(a -> {
            assertThat(a.string("Action")).isEqualTo("CreateMaintenanceWindow");
            assertThat(a.string("UserName")).isEqualTo("api-operator");
            assertThat(a.time("OccurredAt")).isNotNull();
        });
    }

    @Test
    @Order(8)
    void checkPacksInstallOnceAndKeepEdits() {
        CheckInstaller installer = new CheckInstaller(code, StoreDialect.SQLSERVER);
        List.of("select-checks-by-name", "install-check", "update-installed-check").forEach(executed::add);
        assertThat(installer.install("sqlserver", "api-admin")).extracting(CheckInstaller.Line::outcome).containsOnly(CheckInstaller.Outcome.INSTALLED);
        String older = "SQL Server: page life expectancy (s)";
        db.update("UPDATE monitoring.DatabaseQueries SET SqlQuery = N'SELECT 1' WHERE QueryName = ?", older);
        Map<String, Object> row = new HashMap<>(db.queryForMap("SELECT * FROM monitoring.DatabaseQueries WHERE QueryName = ?", older));
        db.update("UPDATE monitoring.DatabaseQueries SET CheckPackHash = ? WHERE QueryName = ?", CheckInstaller.hash(Row.of(row)), older);
        db.update("UPDATE monitoring.DatabaseQueries SET WarningThreshold = 600 WHERE QueryName = N'SQL Server: longest block (s)'");
        Map<String, CheckInstaller.Outcome> again = new HashMap<>();
        installer.install("sqlserver", "api-admin").forEach(l -> again.put(l.check(), l.outcome()));
        assertThat(again).containsEntry(older, CheckInstaller.Outcome.UPDATED)
                .containsEntry("SQL Server: longest block (s)", CheckInstaller.Outcome.KEPT_EDITED)
                .containsEntry("SQL Server: deadlocks (per s)", CheckInstaller.Outcome.UNCHANGED);
        assertThat(row("SELECT * FROM monitoring.DatabaseQueries WHERE QueryName = ?", older).string("SqlQuery")).contains("Page life expectancy");
        assertThat(row("SELECT * FROM monitoring.DatabaseQueries WHERE QueryName = N'SQL Server: deadlocks (per s)'").string("ValueKind"))
                .isEqualTo("Counter");
        assertThat(driver.described()).as("no statement described").isEmpty();
    }

    @Test
    @Order(8)
    void backtestsReadAQueryAndItsStoredResults() {
        UUID c = connection("backtest-target");
        UUID q = queryId("Connection Test");
        db.update("INSERT INTO monitoring.DatabaseMonitoringResults (ConnectionId, QueryId, Status, ResultValue, ExecutedAt) "
                + "VALUES (?, ?, N'Ok', 4, DATEADD(HOUR, -2, SYSUTCDATETIME())), (?, ?, N'Warning', 6, DATEADD(HOUR, -1, SYSUTCDATETIME()))", c, q, c, q);
        assertThat(codeSelect("select-backtest-query", Map.of("Query", "Connection Test"))).extracting(r -> r.uuid("QueryId")).containsExactly(q);
        assertThat(codeSelect("select-backtest-query", Map.of("Query", q.toString().toUpperCase()))).hasSize(1);
        Map<String, Object> p = new HashMap<>(Map.of("QueryId", q, "Days", 1));
        p.put("Connection", "backtest-target");
        assertThat(codeSelect("select-backtest-results", p)).extracting(r -> r.decimal("ResultValue")).containsExactly(4.0, 6.0);
        p.put("Connection", null);
        assertThat(codeSelect("select-backtest-results", p)).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    @Order(9)
    void theApiReadsAndWritesTheStore() {
        UUID c = UUID.randomUUID();
        Map<String, Object> connection = new HashMap<>();
        connection.put("ConnectionId", c);
        connection.put("ConnectionName", "api-target");
        connection.put("Provider", "SqlServer");
        connection.put("ConnectionString", "enc:v1:abc");
        connection.put("Environment", "it");
        connection.put("IsEnabled", true);
        connection.put("ConnectionTimeoutSeconds", 5);
        connection.put("CommandTimeoutSeconds", 10);
        connection.put("MaxConcurrency", 2);
        connection.put("Tags", null);
        connection.put("Description", "made through the API");
        connection.put("UserName", "api-admin");
        assertThat(codeUpdate("api-insert-connection", connection)).isEqualTo(1);
        connection.put("ConnectionString", null);
        connection.put("Description", "changed through the API");
        assertThat(codeUpdate("api-update-connection", connection)).isEqualTo(1);
        assertThat(codeUpdate("api-set-connection-enabled", Map.of("ConnectionId", c, "IsEnabled", false, "UserName", "api-operator"))).isEqualTo(1);
        Map<String, Object> byId = new HashMap<>();
        byId.put("ConnectionId", c);
        Row shown = codeSelect("api-connections", byId).get(0);
        assertThat(shown.string("Description")).isEqualTo("changed through the API");
        assertThat(shown.integer("ConnectionStringEncrypted")).as("the stored string kept, never shown").isEqualTo(1);
        assertThat(shown.get("ConnectionString")).isNull();
        assertThat(shown.flag("IsEnabled", true)).isFalse();
        assertThat(shown.string("ModifiedBy")).isEqualTo("api-operator");

        UUID q = UUID.randomUUID();
        Map<String, Object> query = new HashMap<>();
        for (String k : List.of("Description", "Provider", "WarningThreshold", "CriticalThreshold", "ComparisonOperator", "IntervalSeconds",
                "TimeoutSeconds", "WarningRecovery", "CriticalRecovery", "HardAfter", "FlapLowPercent", "FlapHighPercent",
                "StaleAfterIntervals", "AlertKeyColumn", "AlertValueColumn", "ValueKind", "SqlVariants")) {
            query.put(k, null);
        }
        query.putAll(Map.of("QueryId", q, "QueryName", "api query", "QueryType", "Custom", "SqlQuery", "SELECT 2", "ResultType", "Scalar",
                "MaxRows", 10, "AllowWrite", false, "IsEnabled", true, "UserName", "api-admin"));
        assertThat(codeUpdate("api-insert-query", query)).isEqualTo(1);
        query.put("CriticalThreshold", 3.0);
        query.put("ComparisonOperator", "GreaterThan");
        query.put("ValueKind", "Counter");
        assertThat(codeUpdate("api-update-query", query)).isEqualTo(1);
        assertThat(codeUpdate("api-set-query-enabled", Map.of("QueryId", q, "IsEnabled", true, "UserName", "api-operator"))).isEqualTo(1);
        Map<String, Object> queryById = new HashMap<>();
        queryById.put("QueryId", q);
        assertThat(codeSelect("api-queries", queryById)).singleElement().satisfies(r -> {
            assertThat(r.decimal("CriticalThreshold")).isEqualTo(3.0);
            assertThat(r.string("ValueKind")).isEqualTo("Counter");
        });

        UUID j = UUID.randomUUID();
        assertThat(codeUpdate("api-enqueue-job", Map.of("JobId", j, "JobName", "from the API", "Priority", 2, "ConnectionId", c,
                "QueryId", q, "Environment", "it", "MaxAttempts", 3, "UserName", "api-operator"))).isEqualTo(1);
        Map<String, Object> jobs = new HashMap<>();
        jobs.put("Status", "Pending");
        jobs.put("Limit", 500);
        jobs.put("JobId", null);
        assertThat(codeSelect("api-jobs", jobs)).extracting(r -> r.uuid("JobId")).contains(j);
        jobs.put("Status", null);
        jobs.put("JobId", j);
        assertThat(codeSelect("api-jobs", jobs)).singleElement().satisfies(r -> assertThat(r.uuid("JobId")).isEqualTo(j));
        assertThat(codeSelect("api-queue", Map.of())).anySatisfy(r -> assertThat(r.string("Status")).isEqualTo("Pending"));
        assertThat(codeUpdate("api-cancel-job", Map.of("JobId", j, "UserName", "api-operator"))).isEqualTo(1);
        assertThat(job(j).string("Status")).isEqualTo("Cancelled");
        assertThat(job(j).string("ModifiedBy")).isEqualTo("api-operator");
        assertThat(codeSelect("api-workers", Map.of())).extracting(r -> r.uuid("WorkerInstanceId")).contains(worker);

        db.update("UPDATE monitoring.DatabaseConnections SET IsEnabled = 1 WHERE ConnectionId = ?", c);
        db.update("INSERT INTO monitoring.DatabaseMonitoringResults (ConnectionId, QueryId, Environment, Provider, Status, ResultValue, ExecutedAt) "
                + "VALUES (?, ?, N'it', N'SqlServer', N'Critical', 4, DATEADD(MINUTE, -1, SYSUTCDATETIME()))", c, q);
        route("insert-alert-state", alertState(c, q, "Critical", 1));
        Map<String, Object> filters = new HashMap<>();
        for (String k : List.of("Environment", "Provider", "ConnectionId", "QueryId", "Status", "From", "To", "State")) {
            filters.put(k, null);
        }
        filters.put("Limit", 100);
        filters.put("ConnectionId", c);
        assertThat(codeSelect("api-results", filters)).extracting(r -> r.string("Status") + "/" + r.string("QueryName"))
                .containsExactly("Critical/api query");
        filters.put("Status", "Ok");
        assertThat(codeSelect("api-results", filters)).isEmpty();
        assertThat(codeSelect("api-alerts", filters)).extracting(r -> r.string("State")).containsExactly("Critical");
        Timestamp now = (Timestamp) codeSelect("api-store-now", Map.of()).get(0).get("StoreNow");
        assertThat(now.toLocalDateTime()).isCloseTo(storeNow(), within(5, java.time.temporal.ChronoUnit.SECONDS));
        assertThat(codeSelect("api-series", new HashMap<>(Map.of("Since", Timestamp.valueOf(now.toLocalDateTime().minusHours(1)),
                "ConnectionId", c, "Points", 10)))).extracting(r -> r.decimal("ResultValue")).containsExactly(4.0);
        assertThat(codeSelect("api-status-grid", Map.of())).anySatisfy(r -> {
            assertThat(r.string("ConnectionName")).isEqualTo("api-target");
            assertThat(r.string("State")).isEqualTo("Critical");
        });
        assertThat(codeUpdate("api-acknowledge-alert", Map.of("UserName", "api-operator", "ConnectionId", c, "QueryId", q, "RowKey", ""))).isEqualTo(1);
        assertThat(row("SELECT * FROM monitoring.AlertStates WHERE ConnectionId = ?", c).string("AcknowledgedBy")).isEqualTo("api-operator");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void everyStatementFileRanAndNoneWasDescribedByTheDriver() throws IOException {
        Set<String> files = new TreeSet<>();
        for (var r : new PathMatchingResourcePatternResolver().getResources("classpath:sql/sqlserver/*.sql")) {
            files.add(r.getFilename().replace(".sql", ""));
        }
        assertThat(files).hasSizeGreaterThan(50);
        assertThat(executed).as("statements of sql/sqlserver/ run by this test").containsAll(files);
        assertThat(driver.described()).as("statements whose parameters the driver was asked for").isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------------

    private Exchange route(String statement, Map<String, Object> parameters) {
        executed.add(statement);
        Exchange exchange = routes.request("sql:classpath:sql/sqlserver/" + statement + ".sql", e -> e.getMessage().setBody(new HashMap<>(parameters)));
        if (exchange.getException() != null) {
            throw new AssertionError(statement + ".sql failed", exchange.getException());
        }
        return exchange;
    }

    private static int updated(Exchange exchange) {
        return exchange.getMessage().getHeader("CamelSqlUpdateCount", Integer.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Row> selected(Exchange exchange) {
        List<Map<String, Object>> rows = exchange.getMessage().getBody(List.class);
        return rows == null ? List.of() : rows.stream().map(Row::of).toList();
    }

    private List<Row> codeSelect(String statement, Map<String, Object> parameters) {
        executed.add(statement);
        return code.queryForList(StoreSql.load(StoreDialect.SQLSERVER, statement), parameters).stream().map(Row::of).toList();
    }

    private int codeUpdate(String statement, Map<String, Object> parameters) {
        executed.add(statement);
        return code.update(StoreSql.load(StoreDialect.SQLSERVER, statement), parameters);
    }

    private Row row(String sql, Object... args) {
        return Row.of(db.queryForMap(sql, args));
    }

    private Row job(UUID id) {
        return row("SELECT * FROM monitoring.WorkerJobs WHERE JobId = ?", id);
    }

    private String status(String table, String key, UUID id) {
        return db.queryForObject("SELECT Status FROM monitoring." + table + " WHERE " + key + " = ?", String.class, id);
    }

    private LocalDateTime storeNow() {
        return db.queryForObject("SELECT SYSUTCDATETIME()", Timestamp.class).toLocalDateTime();
    }

    private UUID pendingJob(String name, int priority, int dueInSeconds, UUID pinnedTo) {
        UUID id = UUID.randomUUID();
        db.update("INSERT INTO monitoring.WorkerJobs (JobId, JobName, Priority, ScheduledAt, WorkerInstanceId) "
                + "VALUES (?, ?, ?, DATEADD(SECOND, ?, SYSUTCDATETIME()), ?)", id, name, priority, dueInSeconds, pinnedTo);
        return id;
    }

    private UUID runningJob(String name, int attempt, int maxAttempts) {
        UUID id = UUID.randomUUID();
        db.update("INSERT INTO monitoring.WorkerJobs (JobId, JobName, Status, WorkerInstanceId, Attempt, MaxAttempts, StartedAt, LeaseExpiresAt) "
                + "VALUES (?, ?, N'Running', ?, ?, ?, SYSUTCDATETIME(), DATEADD(MINUTE, 1, SYSUTCDATETIME()))", id, name, worker, attempt, maxAttempts);
        return id;
    }

    private UUID connection(String name) {
        UUID id = UUID.randomUUID();
        db.update("INSERT INTO monitoring.DatabaseConnections (ConnectionId, ConnectionName, Provider, ConnectionString, Environment) "
                + "VALUES (?, ?, N'SqlServer', N'Server=127.0.0.1;Database=x', N'it')", id, name);
        return id;
    }

    private UUID queryId(String name) {
        return UUID.fromString(db.queryForObject("SELECT CAST(QueryId AS NVARCHAR(36)) FROM monitoring.DatabaseQueries WHERE QueryName = ?", String.class, name));
    }

    private static Map<String, Object> alertState(UUID c, UUID q, String state, int sequence) {
        Map<String, Object> p = new HashMap<>();
        p.put("ConnectionId", c);
        p.put("QueryId", q);
        p.put("RowKey", "");
        p.put("State", state);
        p.put("PendingState", null);
        p.put("PendingCount", 0);
        p.put("DataState", "Ok");
        p.put("IsFlapping", false);
        p.put("History", "O");
        p.put("Sequence", sequence);
        p.put("LastValue", 7.0);
        p.put("LastMessage", "value 7");
        return p;
    }

    private static Map<String, Object> alertEvent(UUID c, UUID q, int sequence, String from, String to) {
        Map<String, Object> p = new HashMap<>();
        p.put("ConnectionId", c);
        p.put("QueryId", q);
        p.put("RowKey", "");
        p.put("Sequence", sequence);
        p.put("StateSequence", sequence);
        p.put("Kind", "StateChanged");
        p.put("FromState", from);
        p.put("ToState", to);
        p.put("Notifies", true);
        p.put("Reason", from + " to " + to);
        p.put("ResultValue", 7.0);
        return p;
    }
}
