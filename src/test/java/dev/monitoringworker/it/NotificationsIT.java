package dev.monitoringworker.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.monitoringworker.support.HttpReceiver;
import dev.monitoringworker.support.Store;
import dev.monitoringworker.support.TestDatabases;
import dev.monitoringworker.support.WorkerApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Alert notifications from three workers sharing a real PostgreSQL store, fed by a PostgreSQL and a MariaDB target
 * whose values the test moves; the sinks are a local HTTP server the test runs: the generic webhook and the
 * Alertmanager-compatible one (plus the log sink). Each change arrives once per sink; a sink that answers 503 gets
 * its notifications later, while monitoring keeps its one-second cadence.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationsIT {

    private static final String AUTHORIZATION = "Bearer it-example";

    private final HttpReceiver receiver = new HttpReceiver();
    private final List<ConfigurableApplicationContext> workers = new ArrayList<>();
    private Store catalog;
    private JdbcTemplate store;
    private JdbcTemplate pgTarget;
    private JdbcTemplate mariaTarget;
    private UUID pg;
    private UUID maria;

    @BeforeAll
    void startThreeWorkers() {
        String storeUrl = TestDatabases.newPostgresDatabase("notify");
        String pgTargetUrl = TestDatabases.newPostgresDatabase("notifytarget");
        String mariaUrl = TestDatabases.newMariaDbDatabase("notifytarget");
        pgTarget = new JdbcTemplate(TestDatabases.postgresDataSource(pgTargetUrl));
        mariaTarget = new JdbcTemplate(TestDatabases.mariaDbDataSource(mariaUrl));
        Map<String, Object> settings = new HashMap<>();
        settings.put("monitoring.schedule.interval-ms", 500);
        settings.put("monitoring.notify.sinks", "log,webhook,alertmanager");
        settings.put("monitoring.notify.interval-ms", 200);
        settings.put("monitoring.notify.batch-size", 2);        // full rounds: the route claims again at once
        settings.put("monitoring.alerts.stale-check-interval-ms", 500);
        settings.put("monitoring.notify.retry-base-seconds", 1);
        settings.put("monitoring.notify.retry-max-seconds", 2);
        settings.put("monitoring.notify.webhook.url", receiver.url("/hook/it-path-part"));
        settings.put("monitoring.notify.webhook.authorization", AUTHORIZATION);
        settings.put("monitoring.notify.alertmanager.url", receiver.url("/alertmanager"));
        for (int i = 0; i < 3; i++) {
            workers.add(WorkerApp.start(storeUrl, "postgres", "", settings));
        }
        catalog = new Store(TestDatabases.postgresDataSource(storeUrl));
        store = catalog.jdbc();
        store.update("UPDATE monitoring.DatabaseQueries SET IsEnabled = false WHERE QueryName = 'Connection Test'");
        pg = catalog.connection("pg-replica", "PostgreSQL", pgTargetUrl, "it", 5);
        maria = catalog.connection("maria-replica", "MySQL", mariaUrl, "it", 5);
    }

    @AfterAll
    void stop() {
        workers.forEach(ConfigurableApplicationContext::close);
        receiver.close();
    }

    @Test
    void everyChangeReachesEachSinkOnceWhicheverOfThreeWorkersRecordedIt() {
        pgTarget.execute("CREATE TABLE replica_lag (seconds DOUBLE PRECISION)");
        pgTarget.update("INSERT INTO replica_lag VALUES (10)");
        mariaTarget.execute("CREATE TABLE replica_lag (seconds DOUBLE)");
        mariaTarget.update("INSERT INTO replica_lag VALUES (10)");
        UUID query = query("replication lag", null, "SELECT seconds FROM replica_lag", 80.0, 90.0, 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> states(query).size() == 2 && states(query).values().stream().allMatch("Ok"::equals));

        pgTarget.update("UPDATE replica_lag SET seconds = 95");
        await().atMost(Duration.ofSeconds(30)).until(() -> "Critical".equals(states(query).get(pg)));
        pgTarget.update("UPDATE replica_lag SET seconds = 50");
        await().atMost(Duration.ofSeconds(30)).until(() -> "Ok".equals(states(query).get(pg)));
        mariaTarget.execute("DROP TABLE replica_lag");
        await().atMost(Duration.ofSeconds(30)).until(() -> "Unknown".equals(states(query).get(maria)));

        await().atMost(Duration.ofSeconds(30)).until(() -> webhooks(query).size() >= 3 && alertmanager(query).size() >= 3);
        // rounds go on; nothing more may arrive for these changes
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> webhooks(query).size() == 3 && alertmanager(query).size() == 3);

        List<JsonNode> hooks = webhooks(query);
        assertThat(hooks).extracting(h -> h.at("/connection/name").asText() + " " + h.get("from").asText() + ">" + h.get("to").asText())
                .containsExactlyInAnyOrder("pg-replica Ok>Critical", "pg-replica Critical>Ok", "maria-replica Ok>Unknown");
        assertThat(hooks).extracting(h -> h.get("eventId").asText()).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(store.queryForList(
                        "SELECT CAST(EventId AS VARCHAR) FROM monitoring.AlertEvents WHERE QueryId = ? AND Notifies AND NotifiedAt IS NOT NULL",
                        String.class, query));
        assertThat(hooks.stream().filter(h -> h.at("/connection/name").asText().equals("pg-replica")).map(h -> h.get("to").asText()))
                .as("an alert's changes arrive in their order").containsExactly("Critical", "Ok");
        assertThat(receiver.accepted("/hook/it-path-part")).extracting(HttpReceiver.Delivery::authorization).containsOnly(AUTHORIZATION);
        assertThat(store.queryForObject("SELECT COUNT(*) FROM monitoring.AlertEvents WHERE QueryId = ? AND NotifiedAt IS NULL", Integer.class, query))
                .isZero();

        List<JsonNode> am = alertmanager(query);
        assertThat(am).allSatisfy(a -> {
            assertThat(a.get("version").asText()).isEqualTo("4");
            assertThat(a.get("receiver").asText()).isEqualTo("monitoring-worker");
            assertThat(a.at("/groupLabels/alertname").asText()).isEqualTo("replication lag");
        });
        assertThat(am).extracting(a -> a.get("status").asText() + " " + alertSummary(a))
                .containsExactlyInAnyOrder("firing firing:critical@pg-replica", "resolved resolved:critical@pg-replica",
                        "firing firing:unknown@maria-replica");
        assertThat(am).extracting(a -> a.at("/alerts/0/annotations/eventId").asText()).doesNotHaveDuplicates();
        JsonNode resolved = am.stream().filter(a -> a.get("status").asText().equals("resolved")).findFirst().orElseThrow();
        JsonNode fired = am.stream().filter(a -> alertSummary(a).equals("firing:critical@pg-replica")).findFirst().orElseThrow();
        assertThat(resolved.at("/alerts/0/fingerprint").asText()).as("the same alert: the same labels, the same fingerprint")
                .isEqualTo(fired.at("/alerts/0/fingerprint").asText());
        assertThat(resolved.at("/alerts/0/startsAt").asText()).isEqualTo(fired.at("/alerts/0/startsAt").asText());
        assertThat(resolved.at("/alerts/0/endsAt").asText()).isNotEqualTo("0001-01-01T00:00:00Z");
    }

    @Test
    void aSinkThatIsDownGetsItsNotificationsWhenItReturnsAndMonitoringKeepsItsCadence() {
        pgTarget.execute("CREATE TABLE sessions (n INTEGER)");
        pgTarget.update("INSERT INTO sessions VALUES (10)");
        UUID query = query("sessions in use", "PostgreSQL", "SELECT n FROM sessions", 50.0, 80.0, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> "Ok".equals(states(query).get(pg)));

        receiver.down(true);
        Timestamp downAt = store.queryForObject("SELECT now() AT TIME ZONE 'UTC'", Timestamp.class);
        try {
            pgTarget.update("UPDATE sessions SET n = 90");
            await().atMost(Duration.ofSeconds(30)).until(() -> "Critical".equals(states(query).get(pg)));
            // tried, refused, tried again later: the attempts and the error are on the event, without the sink's URL
            await().atMost(Duration.ofSeconds(30)).until(() -> store.queryForObject(
                    "SELECT COUNT(*) FROM monitoring.AlertEvents WHERE QueryId = ? AND NotifyAttempts >= 3 AND NotifiedAt IS NULL", Integer.class,
                    query) == 1);
            Map<String, Object> event = store.queryForMap("SELECT NotifyError, NextNotifyAt FROM monitoring.AlertEvents WHERE QueryId = ?", query);
            assertThat((String) event.get("notifyerror")).isEqualTo("sink 'webhook' answered HTTP 503 Service Unavailable")
                    .doesNotContain("it-path-part");
            assertThat(event.get("nextnotifyat")).as("still to be tried").isNotNull();
            assertThat(webhooks(query)).isEmpty();
        } finally {
            receiver.down(false);
        }
        List<Timestamp> runs = store.queryForList("SELECT ExecutedAt FROM monitoring.DatabaseMonitoringResults WHERE ConnectionId = ? AND QueryId = ? "
                + "AND ExecutedAt >= ? ORDER BY ExecutedAt", Timestamp.class, pg, query, downAt);
        Timestamp upAt = store.queryForObject("SELECT now() AT TIME ZONE 'UTC'", Timestamp.class);
        long downSeconds = Duration.between(downAt.toInstant(), upAt.toInstant()).toSeconds();
        assertThat(downSeconds).isGreaterThanOrEqualTo(3);
        assertThat(runs.size()).as("one run a second while the sink was down (%d s)", downSeconds).isGreaterThanOrEqualTo((int) downSeconds - 1);
        for (int i = 1; i < runs.size(); i++) {
            assertThat(Duration.between(runs.get(i - 1).toInstant(), runs.get(i).toInstant())).isLessThan(Duration.ofMillis(2500));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> webhooks(query).size() == 1 && alertmanager(query).size() == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> webhooks(query).size() == 1);
        assertThat(webhooks(query).get(0).get("to").asText()).isEqualTo("Critical");
        assertThat(webhooks(query).get(0).get("attempt").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(store.queryForObject("SELECT COUNT(*) FROM monitoring.AlertEvents WHERE QueryId = ? AND NotifiedAt IS NOT NULL AND NotifyError IS NULL",
                Integer.class, query)).isEqualTo(1);
    }

    @Test
    void eachKeyOfADataSetIsAnAlertAndAlertsWithoutRunsTurnStale() {
        pgTarget.execute("CREATE TABLE replicas (name VARCHAR(20), lag DOUBLE PRECISION)");
        pgTarget.update("INSERT INTO replicas VALUES ('r1', 10), ('r2', 10)");
        UUID query = catalog.query("lag per replica", "PostgreSQL", "SELECT name, lag FROM replicas ORDER BY name", "DataSet", 80.0, 90.0,
                "GreaterThan", 5, 10, false);
        store.update("UPDATE monitoring.DatabaseQueries SET IntervalSeconds = 1, HardAfter = 1, StaleAfterIntervals = 2, "
                + "AlertKeyColumn = 'name', AlertValueColumn = 'lag' WHERE QueryId = ?", query);
        await().atMost(Duration.ofSeconds(30)).until(() -> keyStates(query).equals(Map.of("", "Ok", "r1", "Ok", "r2", "Ok")));

        pgTarget.update("UPDATE replicas SET lag = 95 WHERE name = 'r2'");
        pgTarget.update("DELETE FROM replicas WHERE name = 'r1'");
        await().atMost(Duration.ofSeconds(30)).until(() -> keyStates(query).equals(Map.of("", "Ok", "r1", "NoData", "r2", "Critical")));

        // the query no longer runs on this connection: its alerts go Stale after two intervals without a run
        store.update("UPDATE monitoring.DatabaseQueries SET Provider = 'Oracle' WHERE QueryId = ?", query);
        await().atMost(Duration.ofSeconds(30)).until(() -> keyStates(query).equals(Map.of("", "Stale", "r1", "NoData", "r2", "Stale")));
        store.update("UPDATE monitoring.DatabaseQueries SET Provider = 'PostgreSQL' WHERE QueryId = ?", query);
        await().atMost(Duration.ofSeconds(30)).until(() -> keyStates(query).equals(Map.of("", "Ok", "r1", "NoData", "r2", "Critical")));

        await().atMost(Duration.ofSeconds(30)).until(() -> webhooks(query).size() >= 6);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> webhooks(query).size() == 6);
        assertThat(webhooks(query)).extracting(h -> h.get("rowKey").asText() + ":" + h.get("from").asText() + ">" + h.get("to").asText())
                .containsExactlyInAnyOrder("r2:Ok>Critical", "r1:Ok>NoData", ":Ok>Stale", "r2:Critical>Stale", ":Stale>Ok", "r2:Stale>Critical");
        JsonNode stale = webhooks(query).stream().filter(h -> h.get("to").asText().equals("Stale") && h.get("rowKey").asText().isEmpty())
                .findFirst().orElseThrow();
        assertThat(stale.get("reason").asText()).matches("no run for \\d+ s, more than 2\\.0 × the 1 s interval");
        assertThat(alertmanager(query)).extracting(a -> a.at("/alerts/0/labels/key").asText("")).contains("r1", "r2");
    }

    private Map<String, String> keyStates(UUID query) {
        Map<String, String> states = new HashMap<>();
        store.query("SELECT RowKey, State FROM monitoring.AlertStates WHERE QueryId = ? AND ConnectionId = ?",
                rs -> {
                    states.put(rs.getString(1), rs.getString(2));
                }, query, pg);
        return states;
    }

    private UUID query(String name, String provider, String sql, double warning, double critical, int hardAfter) {
        UUID query = catalog.query(name, provider, sql, "Scalar", warning, critical, "GreaterThan", 5, 10, false);
        store.update("UPDATE monitoring.DatabaseQueries SET IntervalSeconds = 1, HardAfter = ?, CriticalRecovery = ? WHERE QueryId = ?",
                hardAfter, critical - 5, query);
        return query;
    }

    private Map<UUID, String> states(UUID query) {
        Map<UUID, String> states = new HashMap<>();
        store.query("SELECT ConnectionId, State FROM monitoring.AlertStates WHERE QueryId = ? AND RowKey = ''",
                rs -> {
                    states.put(rs.getObject(1, UUID.class), rs.getString(2));
                }, query);
        return states;
    }

    private List<JsonNode> webhooks(UUID query) {
        return receiver.accepted("/hook/it-path-part").stream().map(HttpReceiver.Delivery::body)
                .filter(b -> b.at("/query/id").asText().equals(query.toString())).toList();
    }

    private List<JsonNode> alertmanager(UUID query) {
        String name = store.queryForObject("SELECT QueryName FROM monitoring.DatabaseQueries WHERE QueryId = ?", String.class, query);
        return receiver.accepted("/alertmanager").stream().map(HttpReceiver.Delivery::body)
                .filter(b -> b.at("/groupLabels/alertname").asText().equals(name)).toList();
    }

    private static String alertSummary(JsonNode payload) {
        StringBuilder s = new StringBuilder();
        for (JsonNode a : payload.get("alerts")) {
            s.append(s.isEmpty() ? "" : ",").append(a.get("status").asText()).append(':').append(a.at("/labels/severity").asText())
                    .append('@').append(a.at("/labels/connection").asText());
        }
        return s.toString();
    }
}
