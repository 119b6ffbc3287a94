package dev.monitoringworker.it;

import dev.monitoringworker.store.Row;
import dev.monitoringworker.support.Store;
import dev.monitoringworker.support.TestDatabases;
import dev.monitoringworker.support.WorkerApp;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataIntegrityViolationException;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.SoftAssertions.assertSoftly;
import static org.awaitility.Awaitility.await;

/**
 * The catalogue of bad input (docs/reliability.md, "Bad input"): each bad row or value gives a specific error where a
 * user sees it — the result row, the job's LastError, or the store refusing the insert — while the worker
 * keeps running and a good pair next to it still succeeds.
 */
class BadInputIT {

    private record Expected(String where, String status, String message) {
    }

    @Test
    void everyKindOfBadInputIsNamedWhereTheUserLooks() {
        String pgUrl = TestDatabases.newPostgresDatabase("badtarget");
        try (ConfigurableApplicationContext app = WorkerApp.start("jdbc:h2:mem:bad-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", Map.of())) {
            Store store = new Store(app.getBean(DataSource.class));
            UUID pg = store.connection("good pg", "PostgreSQL", pgUrl, "bad", 5);
            UUID okQuery = store.query("good query", null, "SELECT 1", "Scalar", 5.0, 10.0, ">", null, 100, false);
            Map<UUID, Expected> cases = new LinkedHashMap<>();

            // bad queries on a good connection: each an Error (or Timeout) result naming the query
            resultCase(store, cases, pg, query(store, "unknown provider query", "SELECT 1", "Scalar", null, "DB2"),
                    "Error", "query 'unknown provider query': unknown Provider 'DB2'");
            resultCase(store, cases, pg, query(store, "empty sql", "", "Scalar", null, null), "Error", "SqlQuery is empty");
            resultCase(store, cases, pg, query(store, "blank sql", "  \n ", "Scalar", null, null), "Error", "SqlQuery is empty");
            resultCase(store, cases, pg, query(store, "syntax error", "SELEC 1", "Scalar", null, null), "Error", "syntax error at or near \"SELEC\"");
            resultCase(store, cases, pg, thresholded(store, "no rows", "SELECT 1 WHERE false", ">"), "Error", "returned no rows; thresholds need one value");
            resultCase(store, cases, pg, thresholded(store, "null value", "SELECT NULL", ">"), "Error", "returned NULL; thresholds need a number");
            resultCase(store, cases, pg, thresholded(store, "text value", "SELECT 'ONLINE'", ">"), "Error", "returned text 'ONLINE', not a number");
            resultCase(store, cases, pg, thresholded(store, "unknown operator", "SELECT 1", "Bigger"), "Error", "unknown ComparisonOperator 'Bigger'");
            UUID backwards = store.query("backwards thresholds", null, "SELECT 1", "Scalar", 90.0, 80.0, ">", null, 100, false);
            resultCase(store, cases, pg, backwards, "Error", "WarningThreshold 90.0 and CriticalThreshold 80.0 contradict ComparisonOperator GreaterThan (>)");
            resultCase(store, cases, pg, query(store, "unknown result type", "SELECT 1", "Table", null, null), "Error", "unknown ResultType 'Table'");
            UUID unknownKind = query(store, "unknown value kind", "SELECT 1", "Scalar", null, null);
            store.jdbc().update("UPDATE monitoring.DatabaseQueries SET ValueKind = 'Rate' WHERE QueryId = ?", unknownKind);
            resultCase(store, cases, pg, unknownKind, "Error", "query 'unknown value kind': unknown ValueKind 'Rate'; use Gauge (or NULL) or Counter");
            UUID textCounter = query(store, "text counter", "SELECT 'many'", "Scalar", null, null);
            store.jdbc().update("UPDATE monitoring.DatabaseQueries SET ValueKind = 'Counter' WHERE QueryId = ?", textCounter);
            resultCase(store, cases, pg, textCounter, "Error", "ValueKind Counter needs a number to take a rate of, but the query returned text 'many'");
            resultCase(store, cases, pg, store.query("zero timeout", null, "SELECT 1", "Scalar", null, null, null, 0, 100, false),
                    "Error", "TimeoutSeconds 0 must be a positive number of seconds");
            resultCase(store, cases, pg, store.query("negative timeout", null, "SELECT 1", "Scalar", null, null, null, -5, 100, false),
                    "Error", "TimeoutSeconds -5 must be a positive number of seconds");
            resultCase(store, cases, pg, store.query("zero max rows", null, "SELECT 1", "Scalar", null, null, null, null, 0, false),
                    "Error", "MaxRows 0 must be at least 1");
            UUID zeroInterval = query(store, "zero interval", "SELECT 1", "Scalar", null, null);
            store.jdbc().update("UPDATE monitoring.DatabaseQueries SET IntervalSeconds = 0 WHERE QueryId = ?", zeroInterval);
            resultCase(store, cases, pg, zeroInterval, "Error", "IntervalSeconds 0 must be a positive number of seconds");
            resultCase(store, cases, pg, query(store, "nonquery without allowwrite", "DELETE FROM pg_class WHERE false", "NonQuery", null, null),
                    "Error", "ResultType NonQuery changes data and needs AllowWrite = 1");
            resultCase(store, cases, pg, query(store, "two statements", "SELECT 1; SELECT 2", "Scalar", null, null), "Error", "holds more than one statement");
            resultCase(store, cases, pg, store.query("never returns", null, "SELECT pg_sleep(30)", "Scalar", null, null, null, 1, 100, false),
                    "Timeout", "canceling statement due to user request");
            resultCase(store, cases, pg, store.query("huge dataset", null, "SELECT g FROM generate_series(1, 200000) g", "DataSet", null, null, null, null, 10, false),
                    "Ok", "rows truncated at MaxRows=10");
            resultCase(store, cases, pg, query(store, "binary and wide", "SELECT decode('00ff00ff', 'hex') AS bin, repeat('w', 5000) AS wide", "DataSet", null, null),
                    "Ok", "<binary, 4 bytes>");

            // bad connections, with a good query: each an Error result naming the connection
            resultCase(store, cases, store.connection("unknown provider", "DB2", pgUrl, "bad", 5), okQuery, "Error", "unknown Provider 'DB2'");
            resultCase(store, cases, connectionWithNullString(store), okQuery, "Error", "ConnectionString is empty");
            resultCase(store, cases, store.connection("empty string", "PostgreSQL", "", "bad", 5), okQuery, "Error", "ConnectionString is empty");
            resultCase(store, cases, store.connection("malformed ado", "PostgreSQL", "Host=db;this is broken", "bad", 5), okQuery,
                    "Error", "part 2 has no '='");
            resultCase(store, cases, store.connection("unknown key", "PostgreSQL", "Host=db;Colour=blue", "bad", 5), okQuery,
                    "Error", "key 'colour' is not understood for Provider PostgreSQL");
            resultCase(store, cases, store.connection("wrong url", "PostgreSQL", "jdbc:mariadb://db/x", "bad", 5), okQuery,
                    "Error", "is a JDBC URL for 'jdbc:mariadb' but Provider is PostgreSQL");
            resultCase(store, cases, store.connection("placeholder host", "SqlServer", "Server=...;Database=...;", "bad", 5), okQuery,
                    "Error", "server '...' is not a host name or address");
            UUID zeroCommand = store.connection("zero command timeout", "PostgreSQL", pgUrl, "bad", 5);
            store.jdbc().update("UPDATE monitoring.DatabaseConnections SET CommandTimeoutSeconds = 0, MaxConcurrency = 1 WHERE ConnectionId = ?", zeroCommand);
            resultCase(store, cases, zeroCommand, okQuery, "Error", "CommandTimeoutSeconds 0 must be a positive number of seconds");
            UUID zeroConcurrency = store.connection("zero concurrency", "PostgreSQL", pgUrl, "bad", 5);
            store.jdbc().update("UPDATE monitoring.DatabaseConnections SET MaxConcurrency = 0 WHERE ConnectionId = ?", zeroConcurrency);
            resultCase(store, cases, zeroConcurrency, okQuery, "Error", "MaxConcurrency 0 must be at least 1");
            resultCase(store, cases, store.connection("dead target", "PostgreSQL", "Host=127.0.0.1;Port=1;Database=x;Username=u", "bad", 1), okQuery,
                    "Error", "refused");

            // bad jobs: Failed with a LastError that says why
            Map<UUID, String> jobCases = new LinkedHashMap<>();
            UUID badJson = store.job("bad parameters", pg, okQuery, null, 1);
            store.jdbc().update("UPDATE monitoring.WorkerJobs SET Parameters = '{\"a\": ' WHERE JobId = ?", badJson);
            jobCases.put(badJson, "Parameters is not valid JSON");
            UUID deleted = store.connection("deleted", "PostgreSQL", pgUrl, "bad", 5);
            store.jdbc().update("DELETE FROM monitoring.DatabaseConnections WHERE ConnectionId = ?", deleted);
            jobCases.put(store.job("deleted connection", deleted, okQuery, null, 1), "ConnectionId " + deleted + " does not exist");
            UUID disabled = store.connection("disabled", "PostgreSQL", pgUrl, "bad", 5);
            store.jdbc().update("UPDATE monitoring.DatabaseConnections SET IsEnabled = FALSE WHERE ConnectionId = ?", disabled);
            jobCases.put(store.job("disabled connection", disabled, okQuery, null, 1), "connection 'disabled' is disabled");
            UUID deletedQuery = query(store, "deleted query", "SELECT 1", "Scalar", null, null);
            store.jdbc().update("DELETE FROM monitoring.DatabaseQueries WHERE QueryId = ?", deletedQuery);
            jobCases.put(store.job("deleted query", pg, deletedQuery, null, 1), "QueryId " + deletedQuery + " does not exist");
            UUID disabledQuery = query(store, "disabled query", "SELECT 1", "Scalar", null, null);
            store.jdbc().update("UPDATE monitoring.DatabaseQueries SET IsEnabled = FALSE WHERE QueryId = ?", disabledQuery);
            jobCases.put(store.job("disabled query", pg, disabledQuery, null, 1), "query 'disabled query' is disabled");
            UUID otherType = store.job("other type", pg, okQuery, null, 1);
            store.jdbc().update("UPDATE monitoring.WorkerJobs SET JobType = 'Backup' WHERE JobId = ?", otherType);
            jobCases.put(otherType, "JobType 'Backup' is not run by this worker");

            // a job pinned to a worker that died still runs, on a live worker
            UUID ghost = UUID.randomUUID();
            store.jdbc().update("INSERT INTO monitoring.WorkerInstances (WorkerInstanceId, WorkerName, MachineName, Status, StartedAt) "
                    + "VALUES (?, 'ghost', 'nowhere', 'Running', TIMESTAMP '2020-01-01 00:00:00')", ghost);
            UUID pinned = store.job("pinned to a dead worker", pg, okQuery, null, 1);
            store.jdbc().update("UPDATE monitoring.WorkerJobs SET WorkerInstanceId = ? WHERE JobId = ?", ghost, pinned);

            // the store refuses what breaks its rules, at insert, with the constraint's name
            assertThatThrownBy(() -> store.jdbc().update("INSERT INTO monitoring.WorkerJobs (JobName, Priority) VALUES ('too urgent', 0)"))
                    .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("CK_WORKERJOBS_PRIORITY");
            assertThatThrownBy(() -> store.jdbc().update("INSERT INTO monitoring.WorkerJobs (JobName, Priority) VALUES ('too late', 11)"))
                    .hasMessageContaining("CK_WORKERJOBS_PRIORITY");
            assertThatThrownBy(() -> query(store, "good query", "SELECT 2", "Scalar", null, null))
                    .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("UX_DATABASEQUERIES_QUERYNAME");
            store.jdbc().update("INSERT INTO monitoring.WorkerJobs (JobName, DedupeKey) VALUES ('first', 'same-key')");
            assertThatThrownBy(() -> store.jdbc().update("INSERT INTO monitoring.WorkerJobs (JobName, DedupeKey) VALUES ('second', 'same-key')"))
                    .hasMessageContaining("UX_WORKERJOBS_DEDUPEKEY");
            store.jdbc().update("DELETE FROM monitoring.WorkerJobs WHERE DedupeKey = 'same-key'");

            // what the user sees
            List<UUID> all = new ArrayList<>(cases.keySet());
            all.addAll(jobCases.keySet());
            all.add(pinned);
            await().atMost(Duration.ofSeconds(90)).until(() -> all.stream().allMatch(job -> {
                String status = store.jobRow(job).string("Status");
                return "Succeeded".equals(status) || "Failed".equals(status);
            }));
            assertSoftly(soft -> {
                cases.forEach((job, expected) -> {
                    Map<String, Row> results = store.results(job);
                    soft.assertThat(store.jobRow(job).string("Status")).as(expected.where() + ": job").isEqualTo("Succeeded");
                    soft.assertThat(results).as(expected.where() + ": one result; job error: " + store.jobRow(job).string("LastError")).hasSize(1);
                    if (results.isEmpty()) {
                        return;
                    }
                    Row result = results.values().iterator().next();
                    soft.assertThat(result.string("Status")).as(expected.where() + ": status").isEqualTo(expected.status());
                    String seen = result.string("ErrorMessage") + " " + result.string("Details");
                    soft.assertThat(seen).as(expected.where() + ": message").contains(expected.message());
                    if (expected.status().equals("Error")) {
                        soft.assertThat(result.string("ErrorMessage")).as(expected.where() + ": names the row").contains("'");
                    }
                });
                jobCases.forEach((job, message) -> {
                    Row row = store.jobRow(job);
                    soft.assertThat(row.string("Status")).as(row.string("JobName")).isEqualTo("Failed");
                    soft.assertThat(row.string("LastError")).as(row.string("JobName")).contains(message);
                });
                soft.assertThat(store.jobRow(pinned).string("Status")).isEqualTo("Succeeded");
            });
            assertThat(store.results(cases.keySet().iterator().next())).isNotEmpty();
            Row wide = store.results(cases.entrySet().stream().filter(e -> e.getValue().where().contains("binary and wide"))
                    .findFirst().orElseThrow().getKey()).values().iterator().next();
            assertThat(wide.string("Details")).contains("... (5000 characters)");
            // and the worker is still there, working
            UUID after = store.job("after all that", pg, okQuery, null, 1);
            assertThat(store.awaitJob(after, "Succeeded", Duration.ofSeconds(30)).string("ResultSummary")).isEqualTo("{\"results\":1,\"Ok\":1}");
        }
    }

    private static UUID query(Store store, String name, String sql, String type, Double critical, String provider) {
        return store.query(name, provider, sql, type, null, critical, null, null, 100, false);
    }

    private static UUID thresholded(Store store, String name, String sql, String operator) {
        return store.query(name, null, sql, "Scalar", 1.0, 2.0, operator, null, 100, false);
    }

    private static UUID connectionWithNullString(Store store) {
        UUID id = UUID.randomUUID();
        store.jdbc().update("INSERT INTO monitoring.DatabaseConnections (ConnectionId, ConnectionName, Provider, Environment) "
                + "VALUES (?, 'null string', 'PostgreSQL', 'bad')", id);
        return id;
    }

    private static void resultCase(Store store, Map<UUID, Expected> cases, UUID connection, UUID query, String status, String message) {
        String where = store.jdbc().queryForObject("SELECT ConnectionName FROM monitoring.DatabaseConnections WHERE ConnectionId = ?", String.class, connection)
                + " / " + store.jdbc().queryForObject("SELECT QueryName FROM monitoring.DatabaseQueries WHERE QueryId = ?", String.class, query);
        cases.put(store.job(where, connection, query, null, 1), new Expected(where, status, message));
    }
}
