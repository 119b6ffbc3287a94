package dev.monitoringworker.it;

import dev.monitoringworker.metrics.ResultGauges;
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
import java.util.Map;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.monitoringworker.support.Scrapes.scrape;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The latest values as Prometheus gauges, scraped from a running worker: a thresholded Scalar check and a per-key
 * DataSet check on a real PostgreSQL target; a key that stops coming back and a query switched off lose their series;
 * a cap on series exports no more than it says, and says so once.
 */
@ExtendWith(OutputCaptureExtension.class)
class ResultValuesIT {

    @Test
    void everyCheckAndEveryKeyIsAGaugeUntilItGoes() throws Exception {
        String storeUrl = TestDatabases.newPostgresDatabase("valuestore");
        String targetUrl = TestDatabases.newPostgresDatabase("valuetarget");
        JdbcTemplate target = new JdbcTemplate(TestDatabases.postgresDataSource(targetUrl));
        target.execute("CREATE TABLE disks (name TEXT, pct INT)");
        target.execute("INSERT INTO disks VALUES ('data', 10), ('logs', 85)");
        try (ConfigurableApplicationContext app = WorkerApp.start(storeUrl, "postgres", "", Map.of("monitoring.metrics.values-interval-ms", 300))) {
            Store store = new Store(TestDatabases.postgresDataSource(storeUrl));
            store.jdbc().update("UPDATE monitoring.DatabaseQueries SET IsEnabled = false WHERE QueryName = 'Connection Test'");
            store.connection("reports-db", "PostgreSQL", targetUrl, "prod", 5);
            UUID lag = store.query("replication lag", "PostgreSQL", "SELECT 95", "Scalar", 80.0, 90.0, "GreaterThan", 5, 10, false);
            UUID disks = store.query("disk used", "PostgreSQL", "SELECT name, pct FROM disks ORDER BY name", "DataSet", 80.0, 90.0, "GreaterThan", 5, 10, false);
            store.jdbc().update("UPDATE monitoring.DatabaseQueries SET IntervalSeconds = 1, HardAfter = 1 WHERE QueryId IN (?, ?)", lag, disks);
            store.jdbc().update("UPDATE monitoring.DatabaseQueries SET AlertKeyColumn = 'name', AlertValueColumn = 'pct' WHERE QueryId = ?", disks);
            String url = "http://localhost:" + app.getEnvironment().getProperty("local.management.port") + "/actuator/prometheus";

            String lagLabels = "connection=\"reports-db\",environment=\"prod\",key=\"\",query=\"replication lag\"";
            String logsLabels = "connection=\"reports-db\",environment=\"prod\",key=\"logs\",query=\"disk used\"";
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                String scrape = scrape(url);
                assertThat(sample(scrape, "monitoring_result_value", lagLabels)).hasValue(95.0);
                assertThat(sample(scrape, "monitoring_result_status", lagLabels)).as("Critical").hasValue(2.0);
                assertThat(sample(scrape, "monitoring_result_value", logsLabels)).hasValue(85.0);
                assertThat(sample(scrape, "monitoring_result_status", logsLabels)).as("Warning").hasValue(1.0);
                assertThat(sample(scrape, "monitoring_result_value", "connection=\"reports-db\",environment=\"prod\",key=\"data\",query=\"disk used\""))
                        .hasValue(10.0);
            });

            // a key no longer returned goes NoData and loses its series; the value of one still returned moves
            target.execute("DELETE FROM disks WHERE name = 'logs'");
            target.execute("UPDATE disks SET pct = 42 WHERE name = 'data'");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                String scrape = scrape(url);
                assertThat(sample(scrape, "monitoring_result_value", logsLabels)).isEmpty();
                assertThat(sample(scrape, "monitoring_result_value", "key=\"data\"")).hasValue(42.0);
            });

            // a query switched off: its series go at the next read
            store.jdbc().update("UPDATE monitoring.DatabaseQueries SET IsEnabled = false WHERE QueryId = ?", lag);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(sample(scrape(url), "monitoring_result_value", lagLabels)).isEmpty());
            assertThat(app.getBean(ResultGauges.class).size()).as("the pair of disk used and its one key").isEqualTo(2);
        }
    }

    @Test
    void aCapOnSeriesExportsNoMoreAndSaysSoOnce(CapturedOutput output) throws Exception {
        String storeUrl = TestDatabases.newPostgresDatabase("capstore");
        String targetUrl = TestDatabases.newPostgresDatabase("captarget");
        try (ConfigurableApplicationContext app = WorkerApp.start(storeUrl, "postgres", "", Map.of("monitoring.metrics.values-interval-ms", 300,
                "monitoring.metrics.value-series-max", 2))) {
            Store store = new Store(TestDatabases.postgresDataSource(storeUrl));
            store.jdbc().update("UPDATE monitoring.DatabaseQueries SET IsEnabled = false WHERE QueryName = 'Connection Test'");
            for (String name : new String[]{"a-db", "b-db", "c-db"}) {
                store.connection(name, "PostgreSQL", targetUrl, "prod", 5);
            }
            UUID one = store.query("one", "PostgreSQL", "SELECT 1", "Scalar", null, null, null, 5, 10, false);
            store.jdbc().update("UPDATE monitoring.DatabaseQueries SET IntervalSeconds = 1 WHERE QueryId = ?", one);
            await().atMost(Duration.ofSeconds(60)).until(() -> store.jdbc().queryForObject(
                    "SELECT COUNT(*) FROM monitoring.AlertStates WHERE QueryId = ?", Integer.class, one) == 3 && output.getOut().contains("is reached"));
            String scrape = scrape("http://localhost:" + app.getEnvironment().getProperty("local.management.port") + "/actuator/prometheus");
            assertThat(Pattern.compile("(?m)^monitoring_result_value\\{").matcher(scrape).results().count()).isEqualTo(2);
            assertThat(sample(scrape, "monitoring_result_value", "connection=\"c-db\"")).as("the last by name is the one left out").isEmpty();
            assertThat(output.getOut()).contains("monitoring_result_value: the cap of 2 series (monitoring.metrics.value-series-max) is reached; "
                    + "1 more (connection, query, key) are not exported");
            assertThat(Pattern.compile("the cap of 2 series").matcher(output.getOut()).results().count()).as("said once").isEqualTo(1);
        }
    }

    /** The value of the one sample of {@code name} whose labels contain {@code labels}, if there is one. */
    private static OptionalDouble sample(String scrape, String name, String labels) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)} ([0-9.eE+-]+|NaN)$").matcher(scrape);
        while (m.find()) {
            if (m.group(1).contains(labels)) {
                return OptionalDouble.of(Double.parseDouble(m.group(2)));
            }
        }
        return OptionalDouble.empty();
    }
}
