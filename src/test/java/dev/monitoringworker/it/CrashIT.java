package dev.monitoringworker.it;

import dev.monitoringworker.support.Store;
import dev.monitoringworker.support.TestDatabases;
import dev.monitoringworker.support.WorkerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three workers started from the packaged jar share a PostgreSQL store; one is killed with SIGKILL while it
 * runs jobs. The others reclaim its jobs when their leases expire: nothing lost, nothing recorded twice, and
 * the dead worker's row says Dead. The workers get the store's URL alone, no profile: the dialect follows it, and
 * the embedded demo (an H2-only feature) stays off.
 */
class CrashIT {

    private static final int JOBS = Integer.getInteger("crash.jobs", 600);

    @Test
    void aKilledWorkersJobsAreReclaimedWithoutLossOrDuplicates(@TempDir Path dir) throws Exception {
        String storeUrl = TestDatabases.newPostgresDatabase("crashstore");
        String targetUrl = TestDatabases.newPostgresDatabase("crashtarget");
        JdbcTemplate jdbc = new JdbcTemplate(TestDatabases.postgresDataSource(storeUrl));
        List<WorkerProcess> workers = new ArrayList<>();
        try {
            for (int i = 1; i <= 3; i++) {
                workers.add(WorkerProcess.startJar(dir.resolve("worker-" + i + ".log"), Map.ofEntries(
                        Map.entry("spring.datasource.url", storeUrl), Map.entry("spring.datasource.username", "postgres"),
                        Map.entry("server.port", 0), Map.entry("management.server.port", 0), Map.entry("spring.h2.console.enabled", false),
                        Map.entry("monitoring.worker.name", "crash-" + i),
                        Map.entry("monitoring.poll.interval-ms", 200), Map.entry("monitoring.poll.batch-size", 10),
                        Map.entry("monitoring.heartbeat.interval-ms", 1000), Map.entry("monitoring.jobs.lease-seconds", 5),
                        Map.entry("monitoring.reaper.interval-ms", 1000), Map.entry("monitoring.reaper.dead-after-seconds", 5))));
            }
            Store store = new Store(TestDatabases.postgresDataSource(storeUrl));
            await().atMost(Duration.ofSeconds(120)).until(() -> tableExists(jdbc)
                    && jdbc.queryForObject("SELECT COUNT(*) FROM monitoring.WorkerInstances WHERE Status = 'Running'", Integer.class) == 3);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM monitoring.DatabaseConnections", Integer.class))
                    .as("no demo connection on a PostgreSQL store").isZero();
            UUID connection = store.connection("crash target", "PostgreSQL", targetUrl, "crash", 5);
            UUID query = store.query("a little slow", "PostgreSQL", "SELECT 1 FROM pg_sleep(0.05)", "Scalar", null, null, null, null, 10, false);
            store.jobs("crash job", JOBS, connection, query);
            // jobs pinned to worker 1 that take 3 s each: when one of them is Running, worker 1 holds it for certain
            UUID victim = jdbc.queryForObject("SELECT WorkerInstanceId FROM monitoring.WorkerInstances WHERE WorkerName = 'crash-1'", UUID.class);
            UUID slow = store.query("slow", "PostgreSQL", "SELECT 1 FROM pg_sleep(3)", "Scalar", null, null, null, null, 10, false);
            List<UUID> pinned = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                UUID id = UUID.randomUUID();
                jdbc.update("INSERT INTO monitoring.WorkerJobs (JobId, JobName, ConnectionId, QueryId, WorkerInstanceId) VALUES (?, ?, ?, ?, ?)",
                        id, "pinned slow " + i, connection, slow, victim);
                pinned.add(id);
            }

            // kill worker 1 while it holds leases
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> jdbc.queryForObject(
                    "SELECT COUNT(*) FROM monitoring.WorkerJobs WHERE Status = 'Running' AND WorkerInstanceId = ? AND QueryId = ?", Integer.class, victim, slow) > 0);
            workers.get(0).kill();
            Timestamp killedAt = jdbc.queryForObject("SELECT now() AT TIME ZONE 'UTC'", Timestamp.class);
            List<UUID> orphaned = jdbc.queryForList("SELECT JobId FROM monitoring.WorkerJobs WHERE Status = 'Running' AND WorkerInstanceId = ?",
                    UUID.class, victim);
            // everything a worker holds, queued, running or waiting for its batch's write, is bounded: at most its
            // job-threads (4) plus one batch (10) run again after a SIGKILL
            assertThat(orphaned).as("jobs left Running by the killed worker").hasSizeLessThanOrEqualTo(4 + 10);

            await().atMost(Duration.ofSeconds(120 + JOBS / 20)).pollInterval(Duration.ofMillis(500)).until(() -> jdbc.queryForObject(
                    "SELECT COUNT(*) FROM monitoring.WorkerJobs WHERE QueryId = ? AND Status = 'Succeeded'", Integer.class, query) == JOBS);

            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM monitoring.DatabaseMonitoringResults WHERE QueryId = ?", Integer.class, query))
                    .as("one result per job, none lost, none doubled").isEqualTo(JOBS);
            assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT JobId) FROM monitoring.DatabaseMonitoringResults WHERE QueryId = ?", Integer.class, query))
                    .isEqualTo(JOBS);
            await().atMost(Duration.ofSeconds(30)).until(() -> "Dead".equals(jdbc.queryForObject(
                    "SELECT Status FROM monitoring.WorkerInstances WHERE WorkerInstanceId = ?", String.class, victim)));
            await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                    "SELECT COUNT(*) FROM monitoring.WorkerJobs WHERE QueryId = ? AND Status = 'Succeeded'", Integer.class, slow) == pinned.size());
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM monitoring.DatabaseMonitoringResults WHERE QueryId = ?", Integer.class, slow))
                    .as("the pinned jobs, freed when their worker died, ran once more each").isEqualTo(pinned.size());
            // the slow job Running at the kill is among the orphans; every orphan was run again (Attempt 2) by a survivor
            // or had completed just before the kill
            assertThat(orphaned).as("the kill landed on a worker holding jobs").isNotEmpty();
            List<Map<String, Object>> after = jdbc.queryForList("SELECT JobId, QueryId, WorkerInstanceId, Attempt, StartedAt FROM monitoring.WorkerJobs "
                    + "WHERE JobId = ANY (?)", (Object) orphaned.toArray(UUID[]::new));
            assertThat(after).allSatisfy(r -> assertThat(r.get("workerinstanceid")).as("completed by a survivor").isNotEqualTo(victim).isNotNull());
            assertThat(after).filteredOn(r -> slow.equals(r.get("queryid"))).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.get("attempt")).as("the slow job held at the kill ran again").isEqualTo(2));
            long reclaimed = after.stream().filter(r -> ((Integer) r.get("attempt")) == 2).count();
            Timestamp lastRestart = jdbc.queryForObject("SELECT MAX(StartedAt) FROM monitoring.WorkerJobs WHERE JobId = ANY (?) AND Attempt = 2",
                    Timestamp.class, (Object) orphaned.toArray(UUID[]::new));
            System.out.printf("crash: %d job(s) leased to the killed worker, %d reclaimed; reclaim time %.1f s after SIGKILL (lease 5 s, reaper every 1 s)%n",
                    orphaned.size(), reclaimed, (lastRestart.getTime() - killedAt.getTime()) / 1000.0);
        } finally {
            for (WorkerProcess worker : workers) {
                worker.close();
            }
        }
    }

    private static boolean tableExists(JdbcTemplate jdbc) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT to_regclass('monitoring.workerinstances') IS NOT NULL", Boolean.class));
    }
}
