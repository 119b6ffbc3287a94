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
 * Several workers on one PostgreSQL store drain a queue: every job once, none lost, none run twice. The
 * three-worker run is sized by -Dscale.jobs (default 10,000; the reliability-large profile runs 100,000).
 */
class TwoWorkersIT {

    static final int SCALE_JOBS = Integer.getInteger("scale.jobs", 10_000);

    @Test
    void twoWorkersDrainAThousandJobsWithoutLossOrDuplicates() {
        drain(2, 1000);
    }

    @Test
    void threeWorkersDrainTenThousandJobsWithoutLossOrDuplicates() {
        drain(3, SCALE_JOBS);
    }

    private static void drain(int workerCount, int jobCount) {
        String url = TestDatabases.newPostgresDatabase("shared");
        String targetUrl = TestDatabases.newPostgresDatabase("sharedtarget");
        Map<String, Object> fast = Map.of("monitoring.poll.batch-size", 50, "monitoring.jobs.lease-seconds", 30);
        List<ConfigurableApplicationContext> workers = new ArrayList<>();
        try {
            for (int i = 0; i < workerCount; i++) {
                workers.add(WorkerApp.start(url, "postgres", "", fast));
            }
            JdbcTemplate jdbc = new JdbcTemplate(TestDatabases.postgresDataSource(url));
            Store store = new Store(TestDatabases.postgresDataSource(url));
            UUID connection = store.connection("shared-target", "PostgreSQL", targetUrl, "it", 5);
            UUID query = store.query("one", "PostgreSQL", "SELECT 1", "Scalar", null, 2.0, ">=", null, 100, false);
            UUID everySecond = store.query("every second", "PostgreSQL", "SELECT 1", "Scalar", null, null, null, null, 100, false);
            jdbc.update("UPDATE monitoring.DatabaseQueries SET IntervalSeconds = 1 WHERE QueryId = ?", everySecond);
            long started = System.nanoTime();
            store.jobs("job", jobCount, connection, query);

            await().atMost(Duration.ofSeconds(120 + jobCount / 50)).pollInterval(Duration.ofMillis(500)).until(() -> jdbc.queryForObject(
                    "SELECT COUNT(*) FROM monitoring.WorkerJobs WHERE JobName LIKE 'job %' AND Status = 'Succeeded'", Integer.class) == jobCount);
            System.out.printf("%d workers drained %d jobs in %.1f s%n", workerCount, jobCount, (System.nanoTime() - started) / 1e9);

            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM monitoring.DatabaseMonitoringResults WHERE QueryId = ?", Integer.class, query))
                    .isEqualTo(jobCount);
            assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT JobId) FROM monitoring.DatabaseMonitoringResults WHERE QueryId = ?", Integer.class, query))
                    .isEqualTo(jobCount);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM monitoring.DatabaseMonitoringResults WHERE QueryId = ? AND (Status <> 'Ok' OR ResultValue <> 1)",
                    Integer.class, query)).isZero();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM monitoring.WorkerJobs WHERE JobName LIKE 'job %' AND Attempt <> 1", Integer.class))
                    .as("no job was taken over or retried").isZero();
            assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT WorkerInstanceId) FROM monitoring.DatabaseMonitoringResults WHERE QueryId = ?",
                    Integer.class, query)).as("every worker took part").isEqualTo(workerCount);

            // both schedulers ran all along: exactly one row per one-second slot (run, or skipped while the previous
            // one had not finished), no slot missed in between
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> jdbc.queryForObject(
                    "SELECT COUNT(*) FROM monitoring.WorkerJobs WHERE QueryId = ?", Integer.class, everySecond) >= 3);
            jdbc.update("UPDATE monitoring.DatabaseQueries SET IsEnabled = FALSE WHERE QueryId = ?", everySecond);
            List<Long> slots = jdbc.queryForList("SELECT DedupeKey FROM monitoring.WorkerJobs WHERE QueryId = ?", String.class, everySecond)
                    .stream().map(k -> Long.parseLong(k.substring(k.lastIndexOf(':') + 1))).sorted().toList();
            assertThat(slots).hasSizeGreaterThanOrEqualTo(3).doesNotHaveDuplicates();
            assertThat(slots.get(slots.size() - 1) - slots.get(0) + 1).as("consecutive slots").isEqualTo(slots.size());
        } finally {
            workers.forEach(ConfigurableApplicationContext::close);
        }
    }
}
