package dev.monitoringworker.it;

import dev.monitoringworker.store.Row;
import dev.monitoringworker.support.Store;
import dev.monitoringworker.support.TestDatabases;
import dev.monitoringworker.support.WorkerApp;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Counters (ValueKind Counter) through the real routes, on a PostgreSQL store and target: a first reading has no
 * rate, the next run's value is the per-second rate between the two readings and its thresholds judge it, a reset
 * gives no rate (and moves no alert), and a per-key DataSet has one rate per key.
 */
class CounterRatesIT {


    @Test
    void aCounterIsJudgedByItsRateAndAResetIsNoSpike() throws Exception {
        String storeUrl = TestDatabases.newPostgresDatabase("ratestore");
        String targetUrl = TestDatabases.newPostgresDatabase("ratetarget");
        JdbcTemplate target = new JdbcTemplate(TestDatabases.postgresDataSource(targetUrl));
        target.execute("CREATE TABLE counters (name TEXT PRIMARY KEY, total BIGINT)");
        target.execute("INSERT INTO counters VALUES ('deadlocks', 1000), ('db1', 10), ('db2', 50)");
        try (ConfigurableApplicationContext app = WorkerApp.start(storeUrl, "postgres", "", Map.of())) {
            Store store = new Store(TestDatabases.postgresDataSource(storeUrl));
            store.jdbc().update("UPDATE monitoring.DatabaseQueries SET IsEnabled = false WHERE QueryName = 'Connection Test'");
            UUID connection = store.connection("orders-db", "PostgreSQL", targetUrl, "prod", 5);
            UUID deadlocks = store.query("deadlocks per second", "PostgreSQL", "SELECT total FROM counters WHERE name = 'deadlocks'",
                    "Scalar", 0.0, 1000.0, "GreaterThan", 10, 10, false);
            UUID perDatabase = store.query("commits per second", "PostgreSQL", "SELECT name, total FROM counters WHERE name LIKE 'db%' ORDER BY name",
                    "DataSet", 0.0, 1_000_000.0, "GreaterThan", 10, 10, false);
            store.jdbc().update("UPDATE monitoring.DatabaseQueries SET ValueKind = 'Counter', HardAfter = 1 WHERE QueryId IN (?, ?)", deadlocks, perDatabase);
            store.jdbc().update("UPDATE monitoring.DatabaseQueries SET AlertKeyColumn = 'name', AlertValueColumn = 'total' WHERE QueryId = ?", perDatabase);

            // the first reading: no rate yet, nothing judged, the readings kept
            Row first = store.runOnce(connection, deadlocks, "first");
            assertThat(first.string("Status")).isEqualTo("Ok");
            assertThat(first.decimal("ResultValue")).isNull();
            assertThat(first.string("ResultText")).isEqualTo("1000");
            assertThat(first.string("Details")).contains("first reading of the counter (1000)");
            store.runOnce(connection, perDatabase, "first keyed");
            assertThat(alertCount(store, deadlocks)).as("no alert for a reading without a rate").isZero();
            long firstAt = sampledAt(store, deadlocks, "");
            long firstKeyedAt = sampledAt(store, perDatabase, "db1");
            assertThat(counter(store, perDatabase, "db2")).isEqualTo(50.0);

            // 50 more deadlocks: the value is the rate between the readings, and the thresholds judge the rate
            target.update("UPDATE counters SET total = total + 50 WHERE name = 'deadlocks'");
            target.update("UPDATE counters SET total = total + 20 WHERE name = 'db1'");
            Row second = store.runOnce(connection, deadlocks, "second");
            long secondAt = sampledAt(store, deadlocks, "");
            assertThat(secondAt).isGreaterThan(firstAt);
            assertThat(second.decimal("ResultValue")).isCloseTo(50_000.0 / (secondAt - firstAt), within(1e-9));
            assertThat(second.string("Status")).as("a rate above WarningThreshold 0").isEqualTo("Warning");
            assertThat(second.string("ResultText")).as("what the query returned").isEqualTo("1050");
            assertThat(second.string("Details")).contains("per second: the counter went from 1000 to 1050 in");
            assertThat(alert(store, deadlocks, "").string("State")).isEqualTo("Warning");

            store.runOnce(connection, perDatabase, "second keyed");
            long secondKeyedAt = sampledAt(store, perDatabase, "db1");
            Row db1 = alert(store, perDatabase, "db1");
            assertThat(db1.string("State")).isEqualTo("Warning");
            assertThat(db1.decimal("LastValue")).isCloseTo(20_000.0 / (secondKeyedAt - firstKeyedAt), within(1e-9));
            Row db2 = alert(store, perDatabase, "db2");
            assertThat(db2.string("State")).as("a counter that did not move").isEqualTo("Ok");
            assertThat(db2.decimal("LastValue")).isEqualTo(0.0);

            // the server restarted: its counters start again low; no spike, no negative rate, no alert moved
            target.update("UPDATE counters SET total = 3 WHERE name = 'deadlocks'");
            target.update("UPDATE counters SET total = 1 WHERE name = 'db1'");
            Row reset = store.runOnce(connection, deadlocks, "reset");
            assertThat(reset.string("Status")).isEqualTo("Ok");
            assertThat(reset.decimal("ResultValue")).isNull();
            assertThat(reset.string("Details")).contains("the counter went from 1050 to 3 (a reset");
            assertThat(counter(store, deadlocks, "")).as("the next rate starts from the reset reading").isEqualTo(3.0);
            assertThat(alert(store, deadlocks, "").string("State")).as("a reset clears nothing").isEqualTo("Warning");
            store.runOnce(connection, perDatabase, "reset keyed");
            assertThat(alert(store, perDatabase, "db1").string("State")).isEqualTo("Warning");
            assertThat(alert(store, perDatabase, "db1").decimal("LastValue")).as("unchanged by the reset").isEqualTo(db1.decimal("LastValue"));
            assertThat(counter(store, perDatabase, "db1")).isEqualTo(1.0);

            // no more deadlocks since the reset: a rate of 0, within thresholds, and the alert recovers
            Row quiet = store.runOnce(connection, deadlocks, "quiet");
            assertThat(quiet.decimal("ResultValue")).isEqualTo(0.0);
            assertThat(quiet.string("Status")).isEqualTo("Ok");
            assertThat(alert(store, deadlocks, "").string("State")).isEqualTo("Ok");
        }
    }


    private static long sampledAt(Store store, UUID query, String key) {
        return store.jdbc().queryForObject("SELECT SampledAtMs FROM monitoring.CounterSamples WHERE QueryId = ? AND RowKey = ?", Long.class, query, key);
    }

    private static double counter(Store store, UUID query, String key) {
        return store.jdbc().queryForObject("SELECT CounterValue FROM monitoring.CounterSamples WHERE QueryId = ? AND RowKey = ?", Double.class, query, key);
    }

    private static Row alert(Store store, UUID query, String key) {
        return Row.of(store.jdbc().queryForMap("SELECT * FROM monitoring.AlertStates WHERE QueryId = ? AND RowKey = ?", query, key));
    }

    private static int alertCount(Store store, UUID query) {
        return store.jdbc().queryForObject("SELECT COUNT(*) FROM monitoring.AlertStates WHERE QueryId = ?", Integer.class, query);
    }
}
