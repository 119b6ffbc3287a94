package dev.monitoringworker.it;

import dev.monitoringworker.support.Store;
import dev.monitoringworker.support.TestDatabases;
import dev.monitoringworker.support.WorkerApp;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Alerts on a real PostgreSQL store, fed by a PostgreSQL target and a MariaDB target whose monitored values the
 * test moves, with two workers running the query every second: soft runs, hysteresis, recovery, Unknown on
 * errors, and each change recorded once.
 */
class AlertingIT {

    @Test
    void statesFollowTheValuesWithHysteresisAndEveryChangeIsRecordedOnce() {
        String storeUrl = TestDatabases.newPostgresDatabase("alerts");
        String pgTargetUrl = TestDatabases.newPostgresDatabase("alerttarget");
        String mariaUrl = TestDatabases.newMariaDbDatabase("alerttarget");
        JdbcTemplate pgTarget = new JdbcTemplate(TestDatabases.postgresDataSource(pgTargetUrl));
        JdbcTemplate mariaTarget = new JdbcTemplate(TestDatabases.mariaDbDataSource(mariaUrl));
        pgTarget.execute("CREATE TABLE replica_lag (seconds DOUBLE PRECISION)");
        pgTarget.update("INSERT INTO replica_lag VALUES (10)");
        mariaTarget.execute("CREATE TABLE replica_lag (seconds DOUBLE)");
        mariaTarget.update("INSERT INTO replica_lag VALUES (10)");
        List<ConfigurableApplicationContext> workers = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                workers.add(WorkerApp.start(storeUrl, "postgres", "", Map.of("monitoring.schedule.interval-ms", 500, "monitoring.poll.interval-ms", 200,
                        "monitoring.alerts.stale-check-interval-ms", 1000)));
            }
            Store store = new Store(TestDatabases.postgresDataSource(storeUrl));
            JdbcTemplate jdbc = store.jdbc();
            jdbc.update("UPDATE monitoring.DatabaseQueries SET IsEnabled = false WHERE QueryName = 'Connection Test'");
            UUID pg = store.connection("pg-replica", "PostgreSQL", pgTargetUrl, "it", 5);
            UUID maria = store.connection("maria-replica", "MySQL", mariaUrl, "it", 5);
            UUID query = store.query("replication lag", null, "SELECT seconds FROM replica_lag", "Scalar", 80.0, 90.0, "GreaterThan", 5, 10, false);
            jdbc.update("UPDATE monitoring.DatabaseQueries SET IntervalSeconds = 1, HardAfter = 2, CriticalRecovery = 85 WHERE QueryId = ?", query);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(states(jdbc, query))
                    .containsEntry(pg, "Ok").containsEntry(maria, "Ok"));

            pgTarget.update("UPDATE replica_lag SET seconds = 95");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(states(jdbc, query)).containsEntry(pg, "Critical"));
            assertThat(states(jdbc, query)).as("the other target is unaffected").containsEntry(maria, "Ok");

            pgTarget.update("UPDATE replica_lag SET seconds = 87");   // below the threshold, above CriticalRecovery 85
            long runsAt87 = runsSince(jdbc, pg, query, 87.0, 3);
            assertThat(runsAt87).isGreaterThanOrEqualTo(3);
            assertThat(states(jdbc, query)).as("hysteresis: 87 still breaches the recovery limit").containsEntry(pg, "Critical");

            pgTarget.update("UPDATE replica_lag SET seconds = 50");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(states(jdbc, query)).containsEntry(pg, "Ok"));

            mariaTarget.execute("DROP TABLE replica_lag");            // the query now fails there: Unknown after two failed runs
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(states(jdbc, query)).containsEntry(maria, "Unknown"));

            List<String> pgEvents = jdbc.queryForList("SELECT FromState || '>' || ToState FROM monitoring.AlertEvents "
                    + "WHERE ConnectionId = ? AND QueryId = ? AND Kind = 'StateChanged' ORDER BY Sequence", String.class, pg, query);
            assertThat(pgEvents).containsExactly("Ok>Critical", "Critical>Ok");
            assertThat(jdbc.queryForList("SELECT FromState || '>' || ToState FROM monitoring.AlertEvents WHERE ConnectionId = ? AND QueryId = ?",
                    String.class, maria, query)).containsExactly("Ok>Unknown");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) - COUNT(DISTINCT Sequence) FROM monitoring.AlertEvents WHERE ConnectionId = ?",
                    Integer.class, pg)).as("each change once, whichever of the two workers ran it").isZero();
            assertThat(jdbc.queryForObject("SELECT Sequence FROM monitoring.AlertStates WHERE ConnectionId = ? AND QueryId = ?", Long.class, pg, query))
                    .isEqualTo(2);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM monitoring.vw_CurrentAlerts WHERE QueryId = ?", Integer.class, query)).isEqualTo(1);

            // a connection switched off: its open alert would stay open for ever; the sweep closes it, saying why, once
            jdbc.update("UPDATE monitoring.DatabaseConnections SET IsEnabled = false WHERE ConnectionId = ?", maria);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(states(jdbc, query)).containsEntry(maria, "Ok"));
            assertThat(jdbc.queryForList("SELECT FromState || '>' || ToState FROM monitoring.AlertEvents WHERE ConnectionId = ? AND QueryId = ? "
                    + "ORDER BY Sequence", String.class, maria, query)).containsExactly("Ok>Unknown", "Unknown>Ok");
            assertThat(jdbc.queryForObject("SELECT Reason FROM monitoring.AlertEvents WHERE ConnectionId = ? AND QueryId = ? AND ToState = 'Ok'",
                    String.class, maria, query)).isEqualTo("closed: connection 'maria-replica' was disabled");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM monitoring.vw_CurrentAlerts WHERE QueryId = ?", Integer.class, query)).isZero();
        } finally {
            workers.forEach(ConfigurableApplicationContext::close);
        }
    }

    private static Map<UUID, String> states(JdbcTemplate jdbc, UUID query) {
        Map<UUID, String> states = new java.util.HashMap<>();
        jdbc.query("SELECT ConnectionId, State FROM monitoring.AlertStates WHERE QueryId = ? AND RowKey = ''",
                rs -> {
                    states.put(rs.getObject(1, UUID.class), rs.getString(2));
                }, query);
        return states;
    }

    /** Waits until at least {@code runs} results with {@code value} were recorded for the pair, and answers how many. */
    private static long runsSince(JdbcTemplate jdbc, UUID connection, UUID query, double value, int runs) {
        String count = "SELECT COUNT(*) FROM monitoring.DatabaseMonitoringResults WHERE ConnectionId = ? AND QueryId = ? AND ResultValue = ?";
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(count, Long.class, connection, query, value) >= runs);
        return jdbc.queryForObject(count, Long.class, connection, query, value);
    }
}
