package dev.monitoringworker.it;

import dev.monitoringworker.cli.WorkerCli;
import dev.monitoringworker.store.Row;
import dev.monitoringworker.support.Store;
import dev.monitoringworker.support.TestDatabases;
import dev.monitoringworker.support.WorkerApp;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The MySQL/MariaDB check pack on a real MariaDB 11.4, installed with the install-checks command: every check runs
 * its MariaDB variant where it has one and reads its value; a row lock wait and a long query show as what they are;
 * each Scalar check's thresholds, moved past any value it can read, turn it Critical.
 */
class MariaDbChecksIT {


    @Test
    void everyCheckReadsItsValueOnMariaDb() throws Exception {
        String storeUrl = TestDatabases.newPostgresDatabase("mariachecksstore");
        String targetUrl = TestDatabases.newMariaDbDatabase("mariachecks");
        DataSource targetSource = TestDatabases.mariaDbDataSource(targetUrl);
        JdbcTemplate target = new JdbcTemplate(targetSource);
        target.execute("CREATE TABLE orders (id INT PRIMARY KEY) ENGINE=InnoDB");
        target.update("INSERT INTO orders VALUES (1)");
        try (ConfigurableApplicationContext app = WorkerApp.start(storeUrl, "postgres", "", Map.of())) {
            Store store = new Store(TestDatabases.postgresDataSource(storeUrl));
            store.jdbc().update("UPDATE monitoring.DatabaseQueries SET IsEnabled = false WHERE QueryName = 'Connection Test'");

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int exit = WorkerCli.run(new String[]{"install-checks", "mysql", "--spring.datasource.url=" + storeUrl,
                    "--spring.datasource.username=postgres"}, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            assertThat(exit).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize(7).allMatch(l -> l.startsWith("mysql: installed: MySQL: "));

            store.jdbc().update("UPDATE monitoring.DatabaseQueries SET IntervalSeconds = NULL WHERE CheckPack = 'mysql'");
            UUID connection = store.connection("maria-target", "MariaDB", targetUrl, "prod", 5);
            Map<String, UUID> checks = new HashMap<>();
            store.jdbc().queryForList("SELECT QueryName, QueryId FROM monitoring.DatabaseQueries WHERE CheckPack = 'mysql'")
                    .forEach(r -> checks.put(Row.of(r).string("QueryName"), Row.of(r).uuid("QueryId")));

            try (Connection holder = targetSource.getConnection(); Connection waiter = targetSource.getConnection();
                 Connection sleeper = targetSource.getConnection()) {
                holder.setAutoCommit(false);
                try (Statement s = holder.createStatement()) {
                    s.execute("SELECT * FROM orders WHERE id = 1 FOR UPDATE");
                }
                CompletableFuture<Void> blocked = CompletableFuture.runAsync(() -> {
                    try (Statement s = waiter.createStatement()) {
                        s.execute("SET SESSION innodb_lock_wait_timeout = 50");
                        s.execute("UPDATE orders SET id = 1 WHERE id = 1");
                    } catch (Exception e) {
                        // released at the end
                    }
                });
                CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> {
                    try (Statement s = sleeper.createStatement()) {
                        s.execute("SELECT SLEEP(20)");
                    } catch (Exception e) {
                        // killed at the end
                    }
                });
                await().atMost(Duration.ofSeconds(10)).until(() -> target.queryForObject(
                        "SELECT COUNT(*) FROM information_schema.INNODB_LOCK_WAITS", Integer.class) == 1
                        && target.queryForObject("SELECT COALESCE(MAX(TIME), 0) FROM information_schema.PROCESSLIST WHERE INFO LIKE 'SELECT SLEEP%'",
                        Integer.class) >= 2);

                for (Map.Entry<String, UUID> check : checks.entrySet()) {
                    Row result = store.runOnce(connection, check.getValue(), check.getKey());
                    assertThat(result.string("Status")).as(check.getKey() + ": " + result.string("ErrorMessage")).isIn("Ok", "Warning", "Critical");
                    if (check.getKey().contains("per s")) {
                        assertThat(result.string("Details")).as(check.getKey()).contains("first reading of the counter");
                        result = store.runOnce(connection, check.getValue(), check.getKey() + " again");
                        assertThat(result.decimal("ResultValue")).as(check.getKey() + ": a rate").isNotNull().isGreaterThanOrEqualTo(0.0);
                    } else {
                        assertThat(result.decimal("ResultValue")).as(check.getKey() + " reads a value").isNotNull();
                    }
                }
                assertThat(store.latest(connection, checks.get("MySQL: InnoDB row lock waits"), "ResultValue", Double.class)).isEqualTo(1.0);
                assertThat(store.latest(connection, checks.get("MySQL: longest running query (s)"), "ResultValue", Double.class)).isGreaterThanOrEqualTo(2.0);
                assertThat(store.latest(connection, checks.get("MySQL: connections (% of max_connections)"), "ResultValue", Double.class)).isPositive();
                assertThat(store.latest(connection, checks.get("MySQL: replica lag (s)"), "ResultValue", Double.class)).as("no replica connections: no rows").isZero();
                holder.rollback();
                try (Statement s = holder.createStatement()) {
                    s.execute("KILL QUERY " + target.queryForObject("SELECT ID FROM information_schema.PROCESSLIST WHERE INFO LIKE 'SELECT SLEEP%'", Long.class));
                }
                blocked.get();
                slow.get();
            }
            // the checks with a MariaDB variant ran it: information_schema, where MySQL 8 reads performance_schema
            for (String versioned : List.of("MySQL: connections (% of max_connections)", "MySQL: InnoDB row lock waits", "MySQL: deadlocks (per s)",
                    "MySQL: InnoDB buffer pool hit ratio (%)", "MySQL: aborted connection attempts (per s)")) {
                assertThat(store.jdbc().queryForList("SELECT SqlQuery FROM monitoring.QueryVersions WHERE QueryId = ?", String.class, checks.get(versioned)))
                        .as(versioned).singleElement().asString().contains("information_schema.");
            }

            // a replica whose source cannot be reached: SHOW REPLICA STATUS has its row, MariaDB's column names, and no lag,
            // so its alert (keyed by the source host) turns Unknown naming the column
            UUID replica = checks.get("MySQL: replica lag (s)");
            store.jdbc().update("UPDATE monitoring.DatabaseQueries SET HardAfter = 1 WHERE QueryId = ?", replica);
            target.execute("CHANGE MASTER TO MASTER_HOST = '127.0.0.1', MASTER_PORT = 1, MASTER_USER = 'mw'");
            try {
                assertThat(store.runOnce(connection, replica, "replica lag").integer("ResultRowCount")).isEqualTo(1);
                Row alert = Row.of(store.jdbc().queryForMap("SELECT * FROM monitoring.AlertStates WHERE QueryId = ? AND RowKey = '127.0.0.1'", replica));
                assertThat(alert.string("State")).isEqualTo("Unknown");
                assertThat(alert.string("LastMessage")).contains("Seconds_Behind_Source|Seconds_Behind_Master").contains("missing or NULL");
            } finally {
                target.execute("RESET SLAVE ALL");
            }

            for (Map.Entry<String, UUID> check : checks.entrySet()) {
                Row q = Row.of(store.jdbc().queryForMap("SELECT * FROM monitoring.DatabaseQueries WHERE QueryId = ?", check.getValue()));
                if (q.string("AlertKeyColumn") != null) {
                    continue;
                }
                boolean below = q.string("ComparisonOperator").startsWith("Less");
                store.jdbc().update("UPDATE monitoring.DatabaseQueries SET WarningThreshold = ?, CriticalThreshold = ?, WarningRecovery = NULL, "
                        + "CriticalRecovery = NULL WHERE QueryId = ?", below ? 1e9 + 1 : -2, below ? 1e9 : -1, check.getValue());
                Row judged = store.runOnce(connection, check.getValue(), check.getKey() + " judged");
                assertThat(judged.string("Status")).as(check.getKey() + " at " + judged.decimal("ResultValue")).isEqualTo("Critical");
            }
        }
    }


}
