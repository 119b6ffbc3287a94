package dev.monitoringworker.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.monitoringworker.support.ApiClient;
import dev.monitoringworker.support.HttpReceiver;
import dev.monitoringworker.support.Store;
import dev.monitoringworker.support.TestDatabases;
import dev.monitoringworker.support.TestUsers;
import dev.monitoringworker.support.WorkerApp;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A maintenance window and a silence across three workers on one PostgreSQL store, notifying a webhook: while they
 * run, the alerts they cover still change state but nothing is sent, and an alert they do not cover is sent at once;
 * when they end, the one alert still Critical is sent exactly once (whichever worker hands over), the one that
 * recovered meanwhile not at all. The API is the operator's; the audit log names who made them.
 */
class MaintenanceWindowsIT {

    private static final Duration WINDOW = Duration.ofSeconds(15);

    @Test
    void heldChangesGoOutOnceWhenTheWindowEnds() throws Exception {
        String storeUrl = TestDatabases.newPostgresDatabase("maintstore");
        Map<String, JdbcTemplate> targets = new HashMap<>();
        Map<String, String> urls = new HashMap<>();
        for (String name : List.of("orders", "billing", "crm")) {
            urls.put(name, TestDatabases.newPostgresDatabase("maint" + name));
            JdbcTemplate target = new JdbcTemplate(TestDatabases.postgresDataSource(urls.get(name)));
            target.execute("CREATE TABLE replica_lag (seconds DOUBLE PRECISION)");
            target.update("INSERT INTO replica_lag VALUES (10)");
            targets.put(name, target);
        }
        List<ConfigurableApplicationContext> workers = new ArrayList<>();
        try (HttpReceiver hook = new HttpReceiver()) {
            Map<String, Object> settings = new HashMap<>(TestUsers.properties("ops", "operator", "watcher", "viewer"));
            settings.put("monitoring.notify.sinks", "webhook");
            settings.put("monitoring.notify.webhook.url", hook.url("/hook"));
            settings.put("monitoring.notify.interval-ms", 200);
            settings.put("monitoring.maintenance.interval-ms", 500);
            for (int i = 0; i < 3; i++) {
                workers.add(WorkerApp.start(storeUrl, "postgres", "", settings));
            }
            Store store = new Store(TestDatabases.postgresDataSource(storeUrl));
            store.jdbc().update("UPDATE monitoring.DatabaseQueries SET IsEnabled = false WHERE QueryName = 'Connection Test'");
            UUID orders = store.connection("orders-db", "PostgreSQL", urls.get("orders"), "prod", 5);
            UUID billing = store.connection("billing-db", "PostgreSQL", urls.get("billing"), "prod", 5);
            store.connection("crm-db", "PostgreSQL", urls.get("crm"), "prod", 5);
            UUID query = store.query("replication lag", "PostgreSQL", "SELECT seconds FROM replica_lag", "Scalar", 80.0, 90.0, "GreaterThan", 5, 10, false);
            store.jdbc().update("UPDATE monitoring.DatabaseQueries SET IntervalSeconds = 1, HardAfter = 1 WHERE QueryId = ?", query);
            await().atMost(Duration.ofSeconds(30)).until(() -> List.of("Ok", "Ok", "Ok").equals(states(store, query)));

            ApiClient first = new ApiClient("http://localhost:" + workers.get(0).getEnvironment().getProperty("local.server.port"));
            ApiClient second = new ApiClient("http://localhost:" + workers.get(1).getEnvironment().getProperty("local.server.port"));
            Instant ends = Instant.now().plus(WINDOW);
            String window = "{\"connectionId\":\"" + orders + "\",\"endsAt\":\"" + ends + "\",\"reason\":\"replica rebuild\"}";
            assertThat(first.send("POST", "/api/v1/maintenance", window, "watcher").statusCode()).as("a viewer makes none").isEqualTo(403);
            JsonNode made = first.call("POST", "/api/v1/maintenance", window, "ops", 201);
            assertThat(made.get("state").asText()).isEqualTo("Active");
            UUID windowId = UUID.fromString(made.get("windowId").asText());
            JsonNode silence = second.call("POST", "/api/v1/silences", "{\"connectionId\":\"" + billing + "\",\"queryId\":\"" + query
                    + "\",\"until\":\"" + ends + "\",\"reason\":\"known: batch load\"}", "ops", 201);
            assertThat(silence.get("kind").asText()).isEqualTo("Silence");
            assertThat(first.call("POST", "/api/v1/maintenance", "{\"environment\":\"prod\",\"cron\":\"0 0 2 ? * SUN\",\"reason\":\"weekly\"}", "ops", 400)
                    .toString()).contains("durationMinutes");
            // every worker reads the window before the values move
            await().atMost(Duration.ofSeconds(10)).until(() -> workers.stream().allMatch(w ->
                    w.getBean(dev.monitoringworker.maintenance.MaintenanceWindows.class).all().size() == 2));

            targets.get("orders").update("UPDATE replica_lag SET seconds = 95");
            targets.get("billing").update("UPDATE replica_lag SET seconds = 95");
            targets.get("crm").update("UPDATE replica_lag SET seconds = 85");
            await().atMost(Duration.ofSeconds(20)).until(() -> hook.accepted("/hook").size() == 1);
            assertThat(hook.accepted("/hook").get(0).body().get("summary").asText()).as("not covered: sent at once")
                    .isEqualTo("Alert replication lag on crm-db: Ok -> Warning: Warning, value 85.0");
            await().atMost(Duration.ofSeconds(10)).until(() -> store.jdbc().queryForObject(
                    "SELECT COUNT(*) FROM monitoring.AlertEvents WHERE HeldBy IS NOT NULL", Integer.class) == 2);
            assertThat(store.jdbc().queryForList("SELECT NotifyError FROM monitoring.AlertEvents WHERE HeldBy = ?", String.class, windowId))
                    .singleElement().asString().startsWith("held back by the maintenance window " + windowId).contains("replica rebuild, by ops");
            // billing recovers within its silence: nothing about it when the silence ends
            targets.get("billing").update("UPDATE replica_lag SET seconds = 10");
            await().atMost(Duration.ofSeconds(10)).until(() -> "Ok".equals(state(store, billing, query)));
            assertThat(state(store, orders, query)).as("checks run and alerts move in a window").isEqualTo("Critical");
            assertThat(Instant.now()).as("still within the window").isBefore(ends);
            assertThat(hook.accepted("/hook")).hasSize(1);

            // the window and the silence end: the one alert still Critical goes out once, from whichever worker
            await().atMost(WINDOW.plusSeconds(20)).until(() -> hook.accepted("/hook").size() >= 2);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() -> hook.accepted("/hook").size() == 2);
            assertThat(hook.accepted("/hook").get(1).body().get("summary").asText())
                    .isEqualTo("Alert replication lag on orders-db: Ok -> Critical: Critical, value 95.0");
            assertThat(store.jdbc().queryForObject("SELECT COUNT(*) FROM monitoring.AlertEvents WHERE ConnectionId = ? AND NotifiedAt IS NOT NULL",
                    Integer.class, billing)).isZero();
            assertThat(store.jdbc().queryForObject("SELECT COUNT(*) FROM monitoring.MaintenanceWindows WHERE LastEndHandledAt IS NOT NULL",
                    Integer.class)).isEqualTo(2);

            JsonNode listed = second.call("GET", "/api/v1/maintenance", null, "watcher", 200);
            assertThat(listed).extracting(w -> w.get("state").asText()).containsOnly("Ended");
            JsonNode audit = first.call("GET", "/api/v1/audit", null, "ops", 200);
            assertThat(audit).extracting(a -> a.get("action").asText() + " by " + a.get("userName").asText())
                    .containsExactlyInAnyOrder("CreateMaintenanceWindow by ops", "CreateSilence by ops");
            assertThat(first.send("GET", "/api/v1/audit", null, "watcher").statusCode()).as("the audit log is the operator's").isEqualTo(403);
        } finally {
            workers.forEach(ConfigurableApplicationContext::close);
        }
    }

    private static List<String> states(Store store, UUID query) {
        return store.jdbc().queryForList("SELECT State FROM monitoring.AlertStates WHERE QueryId = ? ORDER BY ConnectionId", String.class, query);
    }

    private static String state(Store store, UUID connection, UUID query) {
        return store.jdbc().queryForObject("SELECT State FROM monitoring.AlertStates WHERE ConnectionId = ? AND QueryId = ?", String.class,
                connection, query);
    }
}
