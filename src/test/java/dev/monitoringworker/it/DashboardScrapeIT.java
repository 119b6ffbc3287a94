package dev.monitoringworker.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.monitoringworker.support.Store;
import dev.monitoringworker.support.TestDatabases;
import dev.monitoringworker.support.WorkerApp;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.monitoringworker.support.Scrapes.scrape;
import static dev.monitoringworker.support.Scrapes.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Grafana dashboard against a running worker's /actuator/prometheus: every metric name its PromQL reads is in the
 * scrape. The worker runs a thresholded query into Critical, so its alert change goes to a log sink (sent) and to a
 * webhook that refuses connections (failed, and pending in the store).
 */
class DashboardScrapeIT {

    private static final Pattern METRIC = Pattern.compile("\\b((?:monitoring|camel)_[a-z0-9_]+)");

    @Test
    void everyMetricTheDashboardReadsIsScrapedAndTheNotificationMetersCount() throws Exception {
        Set<String> wanted = new TreeSet<>();
        JsonNode dashboard = new ObjectMapper().readTree(Path.of("k8s/grafana/monitoring-worker-dashboard.json").toFile());
        dashboard.get("panels").forEach(p -> p.get("targets").forEach(t -> {
            Matcher m = METRIC.matcher(t.get("expr").asText());
            while (m.find()) {
                wanted.add(m.group(1));
            }
        }));
        dashboard.get("templating").get("list").forEach(v -> {
            Matcher m = METRIC.matcher(v.path("definition").asText());
            while (m.find()) {
                wanted.add(m.group(1));
            }
        });
        assertThat(wanted).contains("monitoring_notifications_sent_total", "monitoring_notifications_failed_total",
                "monitoring_notifications_pending", "camel_exchanges_failed_total");

        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        String storeUrl = TestDatabases.newPostgresDatabase("dashstore");
        String targetUrl = TestDatabases.newPostgresDatabase("dashtarget");
        try (ConfigurableApplicationContext app = WorkerApp.start(storeUrl, "postgres", "", Map.of(
                "monitoring.metrics.interval-ms", 500,
                "monitoring.metrics.values-interval-ms", 500,
                "monitoring.notify.interval-ms", 300,
                "monitoring.notify.sinks", "log,webhook",
                "monitoring.notify.webhook.url", "http://127.0.0.1:" + closedPort + "/hook"))) {
            Store store = new Store(TestDatabases.postgresDataSource(storeUrl));
            var connection = store.connection("dash target", "PostgreSQL", targetUrl, "it", 5);
            var query = store.query("dash critical", "PostgreSQL", "SELECT 95", "Scalar", 80.0, 90.0, "GreaterThan", 1, 10, false);
            store.jdbc().update("UPDATE monitoring.DatabaseQueries SET HardAfter = 1 WHERE QueryId = ?", query);
            store.jobs("dash", 3, connection, query);
            String url = "http://localhost:" + app.getEnvironment().getProperty("local.management.port") + "/actuator/prometheus";

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                String scrape = scrape(url);
                Set<String> missing = new TreeSet<>(wanted);
                missing.removeIf(name -> Pattern.compile("(?m)^" + Pattern.quote(name) + "[{ ]").matcher(scrape).find());
                assertThat(missing).as("dashboard metrics not in the scrape").isEmpty();
                assertThat(value(scrape, "monitoring_notifications_failed_total", "sink=\"webhook\"")).isPositive();
                assertThat(value(scrape, "monitoring_notifications_pending", "")).isPositive();
            });
            String scrape = scrape(url);
            assertThat(value(scrape, "monitoring_notifications_sent_total", "sink=\"log\"")).as("nothing is sent while a sink fails").isZero();
            assertThat(value(scrape, "monitoring_notifications_failed_total", "sink=\"log\"")).isZero();
        }
    }
}
