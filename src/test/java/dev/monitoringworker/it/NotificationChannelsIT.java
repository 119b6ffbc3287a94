package dev.monitoringworker.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.monitoringworker.support.HttpReceiver;
import dev.monitoringworker.support.Store;
import dev.monitoringworker.support.TestDatabases;
import dev.monitoringworker.support.WorkerApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Slack, Microsoft Teams and PagerDuty sinks against a local receiver, with routing per sink: a real PostgreSQL target's
 * value moves Ok → Warning → Critical → Ok. Slack (every problem) gets the three changes; PagerDuty (Critical only)
 * a trigger and its resolve under one dedup key, with its routing key in the body and nowhere in the logs; Teams,
 * routed to another environment, nothing.
 */
@ExtendWith(OutputCaptureExtension.class)
class NotificationChannelsIT {

    private static final String ROUTING_KEY = "R0UTE-it-example-0123456789";

    @Test
    void eachSinkGetsItsPayloadForTheChangesItsRoutingNames(CapturedOutput output) throws Exception {
        String storeUrl = TestDatabases.newPostgresDatabase("channels");
        String targetUrl = TestDatabases.newPostgresDatabase("channelstarget");
        JdbcTemplate target = new JdbcTemplate(TestDatabases.postgresDataSource(targetUrl));
        target.execute("CREATE TABLE replica_lag (seconds DOUBLE PRECISION)");
        target.update("INSERT INTO replica_lag VALUES (10)");
        try (HttpReceiver receiver = new HttpReceiver()) {
            Map<String, Object> settings = new HashMap<>();
            settings.put("monitoring.notify.sinks", "slack,teams,pagerduty");
            settings.put("monitoring.notify.interval-ms", 200);
            settings.put("monitoring.notify.slack.url", receiver.url("/slack"));
            settings.put("monitoring.notify.teams.url", receiver.url("/teams"));
            settings.put("monitoring.notify.pagerduty.url", receiver.url("/pagerduty"));
            settings.put("monitoring.notify.pagerduty.routing-key", ROUTING_KEY);
            settings.put("monitoring.notify.routing.pagerduty.min-state", "Critical");
            settings.put("monitoring.notify.routing.teams.environments", "other-environment");
            try (ConfigurableApplicationContext app = WorkerApp.start(storeUrl, "postgres", "", settings)) {
                Store store = new Store(TestDatabases.postgresDataSource(storeUrl));
                store.jdbc().update("UPDATE monitoring.DatabaseQueries SET IsEnabled = false WHERE QueryName = 'Connection Test'");
                UUID connection = store.connection("orders-db", "PostgreSQL", targetUrl, "it", 5);
                UUID query = store.query("replication lag", "PostgreSQL", "SELECT seconds FROM replica_lag", "Scalar", 80.0, 90.0, "GreaterThan", 5, 10, false);
                store.jdbc().update("UPDATE monitoring.DatabaseQueries SET IntervalSeconds = 1, HardAfter = 1 WHERE QueryId = ?", query);
                await().atMost(Duration.ofSeconds(30)).until(() -> "Ok".equals(state(store, query)));

                for (double[] step : new double[][]{{85}, {95}, {10}}) {
                    target.update("UPDATE replica_lag SET seconds = ?", step[0]);
                    String expected = step[0] > 90 ? "Critical" : step[0] > 80 ? "Warning" : "Ok";
                    await().atMost(Duration.ofSeconds(30)).until(() -> expected.equals(state(store, query)));
                }
                await().atMost(Duration.ofSeconds(30)).until(() -> receiver.accepted("/slack").size() >= 3 && receiver.accepted("/pagerduty").size() >= 2);
                await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                        .until(() -> receiver.accepted("/slack").size() == 3 && receiver.accepted("/pagerduty").size() == 2);

                List<JsonNode> slack = receiver.accepted("/slack").stream().map(HttpReceiver.Delivery::body).toList();
                assertThat(slack).extracting(b -> b.get("text").asText()).containsExactly(
                        "Alert replication lag on orders-db: Ok -> Warning: Warning, value 85.0",
                        "Alert replication lag on orders-db: Warning -> Critical: Critical, value 95.0",
                        "Alert replication lag on orders-db: Critical -> Ok: recovered: Ok, value 10.0");
                assertThat(slack).extracting(b -> b.at("/attachments/0/color").asText()).containsExactly("#f9a825", "#c62828", "#2e7d32");

                List<JsonNode> pagerduty = receiver.accepted("/pagerduty").stream().map(HttpReceiver.Delivery::body).toList();
                assertThat(pagerduty).extracting(b -> b.get("event_action").asText()).containsExactly("trigger", "resolve");
                assertThat(pagerduty).extracting(b -> b.get("dedup_key").asText()).containsOnly(connection + "/" + query + "/");
                assertThat(pagerduty).extracting(b -> b.get("routing_key").asText()).containsOnly(ROUTING_KEY);
                assertThat(pagerduty.get(0).at("/payload/severity").asText()).isEqualTo("critical");
                assertThat(receiver.accepted("/teams")).as("routed to another environment").isEmpty();
                assertThat(output.getAll()).as("the worker's log").contains("Started").doesNotContain(ROUTING_KEY);
            }
        }
    }

    private static String state(Store store, UUID query) {
        List<String> states = store.jdbc().queryForList("SELECT State FROM monitoring.AlertStates WHERE QueryId = ?", String.class, query);
        return states.isEmpty() ? null : states.get(0);
    }
}
