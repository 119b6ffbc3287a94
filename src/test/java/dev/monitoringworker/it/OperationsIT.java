package dev.monitoringworker.it;

import dev.monitoringworker.retention.Retention;
import dev.monitoringworker.support.Store;
import dev.monitoringworker.support.TestDatabases;
import dev.monitoringworker.support.WorkerApp;
import dev.monitoringworker.worker.WorkerControl;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.monitoringworker.support.Scrapes.scrape;
import static dev.monitoringworker.support.Scrapes.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What an SRE reads and what keeps the store small: the meters, WorkerMetrics rows, retention. */
class OperationsIT {

    @Test
    void metersAndWorkerMetricsRowsDescribeARun() throws Exception {
        String storeUrl = TestDatabases.newPostgresDatabase("meterstore");
        String targetUrl = TestDatabases.newPostgresDatabase("metertarget");
        try (ConfigurableApplicationContext app = WorkerApp.start(storeUrl, "postgres", "", Map.of("monitoring.metrics.interval-ms", 500))) {
            Store store = new Store(TestDatabases.postgresDataSource(storeUrl));
            store.jdbc().update("UPDATE monitoring.DatabaseQueries SET IsEnabled = false WHERE QueryName = 'Connection Test'");
            String metricsUrl = "http://localhost:" + app.getEnvironment().getProperty("local.management.port") + "/actuator/prometheus";
            UUID connection = store.connection("meter target", "PostgreSQL", targetUrl, "it", 5);
            UUID query = store.query("meter query", "PostgreSQL", "SELECT 1", "Scalar", null, null, null, 5, 10, false);

            // queued while claiming is paused: the gauge sees them
            WorkerControl control = app.getBean(WorkerControl.class);
            control.pauseClaiming();
            store.jobs("metered", 20, connection, query);
            await().atMost(Duration.ofSeconds(10)).until(() -> value(scrape(metricsUrl), "monitoring_queue_pending", "") == 20.0);
            // a job leased to a worker that vanished: the reaper hands it back
            UUID ghost = UUID.randomUUID();
            store.jdbc().update("INSERT INTO monitoring.WorkerInstances (WorkerInstanceId, WorkerName, MachineName, Status, LastHeartbeatAt) "
                    + "VALUES (?, 'ghost', 'm', 'Running', now() AT TIME ZONE 'UTC')", ghost);
            UUID orphan = store.job("orphan", connection, query, null, 3);
            store.jdbc().update("UPDATE monitoring.WorkerJobs SET Status = 'Running', WorkerInstanceId = ?, Attempt = 1, "
                    + "LeaseExpiresAt = (now() AT TIME ZONE 'UTC') - INTERVAL '1 second' WHERE JobId = ?", ghost, orphan);
            control.resumeClaiming();
            await().atMost(Duration.ofSeconds(30)).until(() -> store.jdbc().queryForObject(
                    "SELECT COUNT(*) FROM monitoring.WorkerJobs WHERE QueryId = ? AND Status = 'Succeeded'", Integer.class, query) == 21);

            String metrics = scrape(metricsUrl);
            assertThat(value(metrics, "monitoring_jobs_claimed_total", "")).isGreaterThanOrEqualTo(21.0);
            assertThat(value(metrics, "monitoring_jobs_completed_total", "status=\"Succeeded\"")).isGreaterThanOrEqualTo(21.0);
            assertThat(value(metrics, "monitoring_results_total", "provider=\"PostgreSQL\",status=\"Ok\"")).isGreaterThanOrEqualTo(21.0);
            assertThat(value(metrics, "monitoring_query_duration_seconds_count", "provider=\"PostgreSQL\"")).isGreaterThanOrEqualTo(21.0);
            assertThat(metrics).contains("monitoring_query_duration_seconds_bucket{", "monitoring_claim_duration_seconds_bucket{");
            assertThat(value(metrics, "monitoring_claim_duration_seconds_count", "")).isPositive();
            assertThat(value(metrics, "monitoring_lease_expired_total", "")).isGreaterThanOrEqualTo(1.0);
            assertThat(value(metrics, "monitoring_queue_pending", "")).isBetween(0.0, 20.0);
            assertThat(metrics).containsPattern("camel_exchanges_total\\{[^}]*routeId=\"run-batch\"");

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(store.jdbc().queryForList(
                    "SELECT DISTINCT MetricType FROM monitoring.WorkerMetrics", String.class))
                    .containsExactlyInAnyOrder("Heartbeat", "JobExecution", "Performance", "Error"));
            // the snapshot after the last completion is at most one interval away
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(store.jdbc().queryForObject(
                    "SELECT SUM(MetricValue) FROM monitoring.WorkerMetrics WHERE MetricName = 'jobs_completed' AND Tags LIKE '%Succeeded%'",
                    Double.class)).isEqualTo(21.0));
            assertThat(store.jdbc().queryForObject("SELECT SUM(MetricValue) FROM monitoring.WorkerMetrics WHERE MetricName = 'lease_expired'",
                    Double.class)).isGreaterThanOrEqualTo(1.0);
            assertThat(store.jdbc().queryForObject("SELECT COUNT(*) FROM monitoring.WorkerMetrics WHERE MetricName = 'query_duration_mean' "
                    + "AND Tags = '{\"provider\":\"PostgreSQL\"}' AND MetricValue > 0", Integer.class)).isPositive();
        }
    }

    @Test
    void retentionRemovesExactlyTheOldRowsInBatchesOfAtMostFourThousand() {
        String storeUrl = TestDatabases.newPostgresDatabase("retentionstore");
        try (ConfigurableApplicationContext app = WorkerApp.start(storeUrl, "postgres", "", Map.of("monitoring.retention.cron", "0/2 * * * * ?"))) {
            Store store = new Store(TestDatabases.postgresDataSource(storeUrl));
            String old = "(now() AT TIME ZONE 'UTC') - INTERVAL '40 days'";
            String recent = "(now() AT TIME ZONE 'UTC') - INTERVAL '1 day'";
            String cutoff = "(now() AT TIME ZONE 'UTC') - INTERVAL '30 days'";
            store.jdbc().update("INSERT INTO monitoring.DatabaseMonitoringResults (JobId, ConnectionId, QueryId, Status, ExecutedAt) "
                    + "SELECT gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), CASE WHEN i <= 50000 THEN 'Ok' ELSE 'Warning' END, "
                    + "CASE WHEN i <= 50000 THEN " + old + " ELSE " + recent + " END FROM generate_series(1, 51000) AS i");
            store.jdbc().update("INSERT INTO monitoring.WorkerMetrics (WorkerInstanceId, MetricType, MetricName, MetricValue, RecordedAt) "
                    + "SELECT gen_random_uuid(), 'Heartbeat', 'uptime', i, CASE WHEN i <= 5000 THEN " + old + " ELSE " + recent + " END "
                    + "FROM generate_series(1, 5100) AS i");
            store.jdbc().update("INSERT INTO monitoring.WorkerJobs (JobId, JobName, Status, ScheduledAt, CompletedAt) "
                    + "SELECT gen_random_uuid(), 'retention ' || i, CASE WHEN i <= 5100 THEN 'Succeeded' ELSE 'Pending' END, "
                    + "(now() AT TIME ZONE 'UTC') + INTERVAL '1 year', "
                    + "CASE WHEN i <= 5000 THEN " + old + " WHEN i <= 5100 THEN " + recent + " ELSE NULL END FROM generate_series(1, 5150) AS i");

            store.jdbc().update("INSERT INTO monitoring.AlertEvents (ConnectionId, QueryId, RowKey, Sequence, Kind, FromState, ToState, OccurredAt, "
                    + "Notifies, NotifiedAt) SELECT gen_random_uuid(), gen_random_uuid(), '', 1, 'StateChanged', 'Ok', 'Critical', " + old + ", true, "
                    + old + " FROM generate_series(1, 300)");
            store.jdbc().update("INSERT INTO monitoring.AlertStates (ConnectionId, QueryId, State, DataState, StateSince) "
                    + "SELECT gen_random_uuid(), gen_random_uuid(), 'Critical', 'Ok', " + recent + " FROM generate_series(1, 20)");

            await().atMost(Duration.ofSeconds(60)).until(() -> store.jdbc().queryForObject(
                    "SELECT COUNT(*) FROM monitoring.DatabaseMonitoringResults WHERE Status = 'Ok'", Integer.class) == 0
                    && store.jdbc().queryForObject("SELECT COUNT(*) FROM monitoring.WorkerJobs WHERE CompletedAt < " + cutoff, Integer.class) == 0
                    && store.jdbc().queryForObject("SELECT COUNT(*) FROM monitoring.WorkerMetrics WHERE RecordedAt < " + cutoff, Integer.class) == 0
                    && store.jdbc().queryForObject("SELECT COUNT(*) FROM monitoring.AlertEvents WHERE OccurredAt < " + cutoff, Integer.class) == 0
                    && store.jdbc().queryForObject("SELECT COUNT(*) FROM monitoring.AlertStates", Integer.class) == 0);

            assertThat(store.jdbc().queryForObject("SELECT COUNT(*) FROM monitoring.DatabaseMonitoringResults", Integer.class)).isEqualTo(1000);
            assertThat(store.jdbc().queryForObject("SELECT COUNT(*) FROM monitoring.WorkerMetrics WHERE MetricName = 'uptime' AND MetricValue > 5000",
                    Integer.class)).isEqualTo(100);
            assertThat(store.jdbc().queryForList("SELECT Status FROM monitoring.WorkerJobs WHERE JobName LIKE 'retention %'", String.class))
                    .hasSize(150).filteredOn("Pending"::equals).hasSize(50);
            Retention retention = app.getBean(Retention.class);
            System.out.println("retention: removed " + retention.totals() + ", largest statement " + retention.largestBatch() + " rows");
            assertThat(retention.totals()).containsEntry("purge-results", 50_000L).containsEntry("purge-worker-metrics", 5_000L)
                    .containsEntry("purge-finished-jobs", 5_000L).containsEntry("purge-alert-events", 300L)
                    .containsEntry("purge-orphan-alert-states", 20L);
            assertThat(retention.largestBatch()).isBetween(1, 4000);
        }
    }
}
