package dev.monitoringworker.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.monitoringworker.store.Row;
import dev.monitoringworker.support.ApiClient;
import dev.monitoringworker.support.Store;
import dev.monitoringworker.support.TestDatabases;
import dev.monitoringworker.support.TestUsers;
import dev.monitoringworker.support.WorkerApp;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The PostgreSQL check pack on a real PostgreSQL 17: installed through the API (again: nothing changes), every check
 * run through the routes reads its value; each Scalar check's thresholds, moved around the value it read, turn it
 * Critical; a lock wait, an open transaction and an abandoned replication slot show as what they are; the slot check
 * runs its PostgreSQL 13+ variant; a check edited by hand is kept when the pack is installed again.
 */
class PostgreSqlChecksIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyCheckReadsItsValueAndJudgesIt() throws Exception {
        String storeUrl = TestDatabases.newPostgresDatabase("pgchecksstore");
        String targetUrl = TestDatabases.newPostgresDatabase("pgcheckstarget");
        DataSource targetSource = TestDatabases.postgresDataSource(targetUrl);
        JdbcTemplate target = new JdbcTemplate(targetSource);
        target.execute("CREATE TABLE orders (id INT PRIMARY KEY)");
        target.update("INSERT INTO orders VALUES (1)");
        Map<String, Object> settings = new HashMap<>(TestUsers.properties("ada", "admin"));
        try (ConfigurableApplicationContext app = WorkerApp.start(storeUrl, "postgres", "", settings)) {
            Store store = new Store(TestDatabases.postgresDataSource(storeUrl));
            store.jdbc().update("UPDATE monitoring.DatabaseQueries SET IsEnabled = false WHERE QueryName = 'Connection Test'");
            ApiClient api = new ApiClient("http://localhost:" + app.getEnvironment().getProperty("local.server.port"));

            JsonNode installed = api.call("POST", "/api/v1/checks/postgresql/install", null, "ada", 200);
            assertThat(installed.get("checks")).hasSize(11).extracting(c -> c.get("outcome").asText()).containsOnly("INSTALLED");
            assertThat(api.call("POST", "/api/v1/checks/postgresql/install", null, "ada", 200).get("checks"))
                    .extracting(c -> c.get("outcome").asText()).containsOnly("UNCHANGED");
            // installed checks run on their schedule; this test runs each when it wants
            store.jdbc().update("UPDATE monitoring.DatabaseQueries SET IntervalSeconds = NULL WHERE CheckPack = 'postgresql'");
            UUID connection = store.connection("pg-target", "PostgreSQL", targetUrl, "prod", 5);
            Map<String, UUID> checks = new HashMap<>();
            store.jdbc().queryForList("SELECT QueryName, QueryId FROM monitoring.DatabaseQueries WHERE CheckPack = 'postgresql'")
                    .forEach(r -> checks.put(Row.of(r).string("QueryName"), Row.of(r).uuid("QueryId")));

            // an open transaction holding a lock, a session waiting for it, and a replication slot nobody reads
            target.execute("SELECT pg_create_physical_replication_slot('mw_abandoned', true)");
            try (Connection holder = targetSource.getConnection(); Connection waiter = targetSource.getConnection()) {
                holder.setAutoCommit(false);
                try (Statement s = holder.createStatement()) {
                    s.execute("LOCK TABLE orders IN ACCESS EXCLUSIVE MODE");
                }
                CompletableFuture<Void> blocked = CompletableFuture.runAsync(() -> {
                    try (Statement s = waiter.createStatement()) {
                        s.execute("SELECT * FROM orders");
                    } catch (Exception e) {
                        // cancelled at the end
                    }
                });
                await().atMost(Duration.ofSeconds(10)).until(() -> target.queryForObject(
                        "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'", Integer.class) == 1);

                // every check reads its value (counters twice: the first reading has no rate)
                for (Map.Entry<String, UUID> check : checks.entrySet()) {
                    Row result = store.runOnce(connection, check.getValue(), check.getKey());
                    assertThat(result.string("Status")).as(check.getKey() + ": " + result.string("ErrorMessage")).isIn("Ok", "Warning", "Critical");
                    if (result.string("Details").contains("\"rates\"")) {
                        // a counter per key: no rate at its first reading, one per key at the next
                        assertThat(JSON.readTree(result.string("Details")).get("rates")).as(check.getKey()).allMatch(JsonNode::isNull);
                        result = store.runOnce(connection, check.getValue(), check.getKey() + " again");
                        assertThat(JSON.readTree(result.string("Details")).get("rates")).as(check.getKey()).allMatch(JsonNode::isNumber);
                    } else if (check.getKey().contains("per s")) {
                        assertThat(result.string("Details")).as(check.getKey()).contains("first reading of the counter");
                        result = store.runOnce(connection, check.getValue(), check.getKey() + " again");
                        assertThat(result.decimal("ResultValue")).as(check.getKey() + ": a rate").isNotNull().isGreaterThanOrEqualTo(0.0);
                    } else if (result.integer("ResultRowCount") != null && result.decimal("ResultValue") == null) {
                        throw new AssertionError(check.getKey() + " read no value: " + result.string("Details"));
                    }
                }
                assertThat(store.latest(connection, checks.get("PostgreSQL: sessions waiting on a lock"), "ResultValue", Double.class)).isEqualTo(1.0);
                assertThat(store.latest(connection, checks.get("PostgreSQL: sessions waiting on a lock"), "Status", String.class)).isEqualTo("Warning");
                assertThat(store.latest(connection, checks.get("PostgreSQL: longest transaction (s)"), "ResultValue", Double.class)).isPositive();
                assertThat(store.latest(connection, checks.get("PostgreSQL: connections (% of max_connections)"), "ResultValue", Double.class)).isPositive();
                holder.rollback();
                blocked.get();
            }
            // the slot check ran its 13+ variant on this PostgreSQL 17, and the abandoned slot is an alert of its own
            UUID slots = checks.get("PostgreSQL: inactive replication slots (retained WAL MB)");
            assertThat(store.jdbc().queryForList("SELECT SqlQuery FROM monitoring.QueryVersions WHERE QueryId = ?", String.class, slots))
                    .singleElement().asString().contains("wal_status");
            assertThat(store.jdbc().queryForObject("SELECT State FROM monitoring.AlertStates WHERE QueryId = ? AND RowKey = 'mw_abandoned'",
                    String.class, slots)).isEqualTo("Ok");
            assertThat(store.jdbc().queryForList("SELECT RowKey FROM monitoring.AlertStates WHERE QueryId = ? AND RowKey <> ''", String.class,
                    checks.get("PostgreSQL: database growth (MB per s)"))).contains("postgres");

            // each check's thresholds, moved past any value it can read (all are 0 or more, and far below 10^9), turn it
            // Critical: its operator points the way its value means trouble
            for (Map.Entry<String, UUID> check : checks.entrySet()) {
                Row q = Row.of(store.jdbc().queryForMap("SELECT * FROM monitoring.DatabaseQueries WHERE QueryId = ?", check.getValue()));
                if (q.string("AlertKeyColumn") != null) {
                    continue;
                }
                boolean below = q.string("ComparisonOperator").startsWith("Less");
                store.jdbc().update("UPDATE monitoring.DatabaseQueries SET WarningThreshold = ?, CriticalThreshold = ?, WarningRecovery = NULL, "
                        + "CriticalRecovery = NULL, ModifiedBy = 'dba-test' WHERE QueryId = ?", below ? 1e9 + 1 : -2, below ? 1e9 : -1, check.getValue());
                Row judged = store.runOnce(connection, check.getValue(), check.getKey() + " judged");
                assertThat(judged.string("Status")).as(check.getKey() + " at " + judged.decimal("ResultValue")).isEqualTo("Critical");
            }
            // the slot's own alert, with its threshold below what it retains
            store.jdbc().update("UPDATE monitoring.DatabaseQueries SET WarningThreshold = -2, CriticalThreshold = -1, HardAfter = 1, "
                    + "ModifiedBy = 'dba-test' WHERE QueryId = ?", slots);
            store.runOnce(connection, slots, "slots judged");
            assertThat(store.jdbc().queryForObject("SELECT State FROM monitoring.AlertStates WHERE QueryId = ? AND RowKey = 'mw_abandoned'",
                    String.class, slots)).isEqualTo("Critical");

            // and a database's growth rate, with its thresholds below any rate (it has a reading kept from before)
            UUID growth = checks.get("PostgreSQL: database growth (MB per s)");
            store.jdbc().update("UPDATE monitoring.DatabaseQueries SET WarningThreshold = -2, CriticalThreshold = -1, HardAfter = 1, "
                    + "ModifiedBy = 'dba-test' WHERE QueryId = ?", growth);
            store.runOnce(connection, growth, "growth judged");
            assertThat(store.jdbc().queryForObject("SELECT State FROM monitoring.AlertStates WHERE QueryId = ? AND RowKey = 'postgres'",
                    String.class, growth)).isEqualTo("Critical");

            // installing again keeps every check edited by hand, and says so
            JsonNode again = api.call("POST", "/api/v1/checks/postgresql/install", null, "ada", 200);
            assertThat(again.get("checks")).filteredOn(c -> c.get("name").asText().equals("PostgreSQL: cache hit ratio (%)")).singleElement()
                    .satisfies(c -> assertThat(c.get("outcome").asText()).isEqualTo("KEPT_EDITED"));
            assertThat(store.jdbc().queryForObject("SELECT WarningThreshold FROM monitoring.DatabaseQueries WHERE QueryName = 'PostgreSQL: cache hit ratio (%)'",
                    Double.class)).as("the edit stays").isNotEqualTo(95.0);
            JsonNode listed = api.call("GET", "/api/v1/checks", null, "ada", 200);
            assertThat(listed).filteredOn(p -> p.get("pack").asText().equals("postgresql")).singleElement()
                    .satisfies(p -> assertThat(p.get("checks")).extracting(c -> c.get("state").asText()).contains("Edited"));
            target.execute("SELECT pg_drop_replication_slot('mw_abandoned')");
        }
    }



}
