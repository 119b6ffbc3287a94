package dev.monitoringworker.it;

import dev.monitoringworker.support.Store;
import dev.monitoringworker.support.TestDatabases;
import dev.monitoringworker.support.WorkerApp;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A query slower than its interval (2.5 s every second) on a real PostgreSQL target: its runs never overlap, each
 * slot that came due while the previous run went on is recorded once as skipped (a Cancelled job saying why) and
 * counted by monitoring.schedule.skipped, and every slot has exactly one row.
 */
class ScheduleOverlapIT {

    @Test
    void aQuerySlowerThanItsIntervalNeverRunsTwiceAtOnceAndItsSkippedSlotsAreCounted() {
        String storeUrl = TestDatabases.newPostgresDatabase("overlapstore");
        String targetUrl = TestDatabases.newPostgresDatabase("overlaptarget");
        ConfigurableApplicationContext worker = WorkerApp.start(storeUrl, "postgres", "", Map.of("monitoring.jobs.lease-seconds", 30));
        try {
            Store store = new Store(TestDatabases.postgresDataSource(storeUrl));
            JdbcTemplate jdbc = store.jdbc();
            UUID connection = store.connection("slow target", "PostgreSQL", targetUrl, "it", 10);
            UUID query = store.query("slower than its interval", "PostgreSQL", "SELECT 1 FROM pg_sleep(2.5)", "Scalar", null, null, null, null, 10, false);
            jdbc.update("UPDATE monitoring.DatabaseQueries SET IntervalSeconds = 1 WHERE QueryId = ?", query);

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> jdbc.queryForObject(
                    "SELECT COUNT(*) FROM monitoring.WorkerJobs WHERE QueryId = ? AND Status = 'Succeeded'", Integer.class, query) >= 3);
            jdbc.update("UPDATE monitoring.DatabaseQueries SET IsEnabled = FALSE WHERE QueryId = ?", query);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> jdbc.queryForObject(
                    "SELECT COUNT(*) FROM monitoring.WorkerJobs WHERE QueryId = ? AND Status IN ('Pending', 'Running')", Integer.class, query) == 0);

            List<Map<String, Object>> runs = jdbc.queryForList("SELECT StartedAt, CompletedAt FROM monitoring.WorkerJobs "
                    + "WHERE QueryId = ? AND Status = 'Succeeded' ORDER BY StartedAt", query);
            for (int i = 1; i < runs.size(); i++) {
                assertThat((Timestamp) runs.get(i).get("startedat")).as("run %d starts after run %d ended", i + 1, i)
                        .isAfterOrEqualTo((Timestamp) runs.get(i - 1).get("completedat"));
            }
            List<Map<String, Object>> skipped = jdbc.queryForList("SELECT LastError, ModifiedBy FROM monitoring.WorkerJobs "
                    + "WHERE QueryId = ? AND ConnectionId = ? AND Status = 'Cancelled'", query, connection);
            assertThat(skipped).as("about two of every three slots came due during a run").hasSizeGreaterThanOrEqualTo(runs.size());
            assertThat(skipped).allSatisfy(r -> {
                assertThat((String) r.get("lasterror")).startsWith("slot skipped: the previous job of this connection and query (due ")
                        .endsWith("UTC) had not finished");
                assertThat(r.get("modifiedby")).isEqualTo("scheduler");
            });
            // a tick that read the catalog before the query was disabled may still record a skip: meter and rows are
            // compared once they are read together
            String countSkipped = "SELECT COUNT(*) FROM monitoring.WorkerJobs WHERE QueryId = ? AND ConnectionId = ? AND Status = 'Cancelled'";
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                double counted = worker.getBean(MeterRegistry.class).get("monitoring.schedule.skipped").counter().count();
                assertThat(counted).as("the meter counts each recorded skip once")
                        .isEqualTo(jdbc.queryForObject(countSkipped, Integer.class, query, connection).doubleValue());
            });

            List<Long> slots = jdbc.queryForList("SELECT DedupeKey FROM monitoring.WorkerJobs WHERE QueryId = ?", String.class, query)
                    .stream().map(k -> Long.parseLong(k.substring(k.lastIndexOf(':') + 1))).sorted().toList();
            assertThat(slots).doesNotHaveDuplicates();
            assertThat(slots.get(slots.size() - 1) - slots.get(0) + 1).as("every slot has a row, run or skipped").isEqualTo(slots.size());
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM monitoring.DatabaseMonitoringResults WHERE QueryId = ?", Integer.class, query))
                    .as("a result for each run, none for a skipped slot").isEqualTo(runs.size());
        } finally {
            worker.close();
        }
    }
}
