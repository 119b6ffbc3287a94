package dev.monitoringworker.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariDataSource;
import dev.monitoringworker.store.StoreDialect;
import dev.monitoringworker.support.Store;
import dev.monitoringworker.support.StoreStatements;
import dev.monitoringworker.support.TestDatabases;
import dev.monitoringworker.support.WorkerApp;
import dev.monitoringworker.execution.TargetPools;
import dev.monitoringworker.worker.WorkerControl;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * MonitoringWorker (1 and 2 workers, the real routes), a hand-written JDBC loop doing the same statements
 * with the same batch size (the limit of this design here), and db-scheduler (lock-and-fetch, same thread
 * count, one-time tasks doing the same SELECT 1 and result insert), alternating on one embedded PostgreSQL
 * used as store and target, after three unreported warm-up rounds (-Dbench.warmups); then one worker at a steady
 * 10,000 monitors per minute, and the claim statement among 100,000 due and 1,000,000 finished jobs. Prints a
 * table and writes target/benchmark/results.json. Run with {@code mvn -B verify -Pbenchmark}; size with -Dbench.jobs (20,000),
 * -Dbench.reps (3), -Dbench.pending and -Dbench.history. Figures, not goals: nothing here asserts a speed, only
 * that every job was done once.
 */
class QueueBenchmark {

    static final int JOBS = Integer.getInteger("bench.jobs", 20_000);
    static final int REPS = Integer.getInteger("bench.reps", 3);
    /** Unreported rounds before the measured ones, every system alike: each is measured running compiled code. */
    static final int WARMUPS = Integer.getInteger("bench.warmups", 3);
    static final int THREADS = 8;
    static final int BATCH = 50;
    /** MonitoringWorker's batch threads: with BATCH, the bound on the jobs it holds (job-threads + batch-size). */
    static final int JOB_THREADS = Integer.getInteger("bench.jobThreads", THREADS);
    /** Only the drains, for trying settings: -Dbench.drainsOnly=true. */
    static final boolean DRAINS_ONLY = Boolean.getBoolean("bench.drainsOnly");
    /** Only the claim among many due and finished jobs, for looking into it: -Dbench.claimOnly=true. */
    static final boolean CLAIM_ONLY = Boolean.getBoolean("bench.claimOnly");
    /** Only the steady 10,000 monitors a minute, for looking into due→start: -Dbench.steadyOnly=true. */
    static final boolean STEADY_ONLY = Boolean.getBoolean("bench.steadyOnly");
    /** Only the catalog of 20,000 pairs, for looking into it: -Dbench.catalogOnly=true. */
    static final boolean CATALOG_ONLY = Boolean.getBoolean("bench.catalogOnly");
    /** Where the server's time goes, statement by statement, in each system's first drain: -Dbench.statements=true. */
    static final boolean STATEMENTS = Boolean.getBoolean("bench.statements");
    static final int PENDING = Integer.getInteger("bench.pending", 100_000);
    static final int HISTORY = Integer.getInteger("bench.history", 1_000_000);
    static final int STEADY_WARMUP_SECONDS = 30;
    /** Claims not timed before the 400 that are: the driver prepares the statement on the server from its fifth use. */
    static final int WARM_UP_CLAIMS = 10;
    /** The loop claims with the worker's own statement (the store's claim function), taking the columns it needs. */
    static final String CLAIM = "SELECT JobId, ConnectionId, QueryId, Attempt FROM monitoring.claim_jobs(?, 60, ?)";

    private final Map<String, Object> report = new LinkedHashMap<>();

    @Test
    void measure() throws Exception {
        String storeUrl = TestDatabases.newPostgresDatabase("benchstore");
        String targetUrl = TestDatabases.newPostgresDatabase("benchtarget");
        List<ConfigurableApplicationContext> workers = new ArrayList<>();
        Map<String, Object> settings = Map.ofEntries(Map.entry("monitoring.worker.job-threads", JOB_THREADS), Map.entry("monitoring.worker.work-threads", THREADS),
                Map.entry("monitoring.poll.batch-size", BATCH), Map.entry("monitoring.poll.interval-ms", 2000), Map.entry("monitoring.schedule.interval-ms", 5000),
                Map.entry("monitoring.heartbeat.interval-ms", 10000), Map.entry("monitoring.reaper.interval-ms", 15000),
                Map.entry("monitoring.reaper.dead-after-seconds", 60), Map.entry("monitoring.jobs.lease-seconds", 60),
                Map.entry("monitoring.targets.h2-enabled", true),
                Map.entry("management.metrics.distribution.percentiles.monitoring.claim.duration", "0.5,0.99"));
        workers.add(WorkerApp.start(storeUrl, "postgres", "", settings));
        Store store = new Store(TestDatabases.postgresDataSource(storeUrl));
        store.jdbc().update("UPDATE monitoring.DatabaseQueries SET IsEnabled = false WHERE QueryName = 'Connection Test'");
        UUID connection = store.connection("bench target", "PostgreSQL", targetUrl, "bench", 5);
        store.jdbc().update("UPDATE monitoring.DatabaseConnections SET MaxConcurrency = ? WHERE ConnectionId = ?", THREADS, connection);
        UUID query = store.query("bench select", "PostgreSQL", "SELECT 1", "Scalar", 5.0, 10.0, "GreaterThan", 5, 10, false);
        try (HikariDataSource storePool = pool(storeUrl, 2 * THREADS); HikariDataSource targetPool = pool(targetUrl, THREADS)) {
            List<Map<String, Object>> rows = new ArrayList<>();
            if (CLAIM_ONLY) {
                claimAtScale(store, storePool, workers, connection, query);
                return;
            }
            if (STEADY_ONLY) {
                steadyState(store, workers.get(0), targetUrl);
                return;
            }
            if (CATALOG_ONLY) {
                catalogScale(store, workers.get(0));
                return;
            }
            idleCost(store, workers.get(0));
            // rounds first, not reported: every system runs compiled code when it is measured
            for (int rep = -WARMUPS; rep < REPS; rep++) {
                List<Map<String, Object>> round = List.of(monitoringWorker(store, workers, connection, query, rep),
                        baseline(store, storePool, targetPool, connection, query, rep),
                        dbScheduler(store, storePool, targetPool, connection, query, rep));
                if (rep >= 0) {
                    rows.addAll(round);
                }
            }
            if (DRAINS_ONLY) {
                rows.forEach(r -> System.out.printf("%s rep %s: %.0f jobs/s, JVM CPU %.2f s and PostgreSQL CPU %s s per 1,000 jobs%n", r.get("system"),
                        r.get("rep"), r.get("jobsPerSecond"), r.get("cpuSecondsPer1000Jobs"), fmt(r.get("postgresCpuSecondsPer1000Jobs"))));
                return;
            }
            steadyState(store, workers.get(0), targetUrl);
            deadTargets(store, workers.get(0), targetUrl);
            catalogScale(store, workers.get(0));
            targetsOnce(store, workers.get(0));
            workers.add(WorkerApp.start(storeUrl, "postgres", "", settings));
            for (int rep = -WARMUPS; rep < REPS; rep++) {
                Map<String, Object> row = monitoringWorker(store, workers, connection, query, rep);
                if (rep >= 0) {
                    rows.add(row);
                }
            }
            // last: its million rows leave the server checkpointing for a while
            claimAtScale(store, storePool, workers, connection, query);
            summarize(rows);
        } finally {
            workers.forEach(ConfigurableApplicationContext::close);
        }
    }

    private Map<String, Object> monitoringWorker(Store store, List<ConfigurableApplicationContext> workers, UUID connection, UUID query,
                                                 int rep) {
        List<WorkerControl> controls = workers.stream().map(w -> w.getBean(WorkerControl.class)).toList();
        controls.forEach(WorkerControl::pauseClaiming);
        reset(store);
        store.jobs("bench", JOBS, connection, query);
        statementsFrom(store, rep);
        Object runStart = dbNow(store);
        Cpu cpu = Cpu.now();
        long start = System.nanoTime();
        controls.forEach(WorkerControl::resumeClaiming);
        awaitDone(store, "SELECT COUNT(*) FROM monitoring.WorkerJobs WHERE Status = 'Succeeded'");
        statementsTo(store, rep, "MonitoringWorker x" + workers.size());
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> row = row("MonitoringWorker x" + workers.size(), rep, seconds, Cpu.now().minus(cpu));
        // the other systems' jobs are in the same table: no worker may claim them while they are measured
        controls.forEach(WorkerControl::pauseClaiming);
        Timer claims = workers.get(0).getBean(MeterRegistry.class).find("monitoring.claim.duration").timer();
        for (ValueAtPercentile p : claims.takeSnapshot().percentileValues()) {
            row.put(p.percentile() == 0.5 ? "claimP50Ms" : "claimP99Ms", p.value(TimeUnit.MILLISECONDS));
        }
        dueToStart(store, row, runStart);
        assertThat(store.jdbc().queryForObject("SELECT COUNT(*) FROM monitoring.DatabaseMonitoringResults", Integer.class)).isEqualTo(JOBS);
        MeterRegistry meters = workers.get(0).getBean(MeterRegistry.class);
        System.out.printf("where a batch's time goes (this worker, all its drains so far): claim-batch %s, run-batch %s = plan-batch %s + "
                + "runs + write-batch %s%n", routeMean(meters, "claim-batch"), routeMean(meters, "run-batch"), routeMean(meters, "plan-batch"),
                routeMean(meters, "write-batch"));
        return row;
    }

    /** The same statements as the routes, in a plain loop per thread: claim a batch, run, insert results in one batch, complete in one batch. */
    private Map<String, Object> baseline(Store store, DataSource storePool, DataSource targetPool, UUID connection, UUID query, int rep)
            throws Exception {
        reset(store);
        store.jobs("bench", JOBS, connection, query);
        UUID worker = UUID.randomUUID();
        store.jdbc().update("INSERT INTO monitoring.WorkerInstances (WorkerInstanceId, WorkerName, MachineName, Status, LastHeartbeatAt) "
                + "VALUES (?, 'baseline', 'bench', 'Running', now() AT TIME ZONE 'UTC')", worker);
        List<Long> claimNanos = Collections.synchronizedList(new ArrayList<>());
        statementsFrom(store, rep);
        Object runStart = dbNow(store);
        Cpu cpu = Cpu.now();
        long start = System.nanoTime();
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        AtomicBoolean more = new AtomicBoolean(true);
        List<java.util.concurrent.Future<?>> loops = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            loops.add(threads.submit(() -> {
                while (more.get()) {
                    List<Object[]> claimed = new ArrayList<>();
                    try (Connection c = storePool.getConnection(); PreparedStatement claim = c.prepareStatement(CLAIM)) {
                        claim.setObject(1, worker);
                        claim.setInt(2, BATCH);
                        long t0 = System.nanoTime();
                        try (ResultSet rs = claim.executeQuery()) {
                            while (rs.next()) {
                                claimed.add(new Object[]{rs.getObject(1), rs.getObject(2), rs.getObject(3), rs.getInt(4)});
                            }
                        }
                        claimNanos.add(System.nanoTime() - t0);
                    }
                    if (claimed.isEmpty()) {
                        more.set(false);
                        break;
                    }
                    List<Object[]> results = new ArrayList<>();
                    for (Object[] job : claimed) {
                        long t0 = System.nanoTime();
                        double value = selectOne(targetPool);
                        String status = value > 10 ? "Critical" : value > 5 ? "Warning" : "Ok";
                        results.add(new Object[]{job[0], job[1], job[2], worker, job[3], status, value, (System.nanoTime() - t0) / 1_000_000L});
                    }
                    try (Connection c = storePool.getConnection()) {
                        try (PreparedStatement insert = c.prepareStatement("INSERT INTO monitoring.DatabaseMonitoringResults (JobId, ConnectionId, "
                                + "QueryId, WorkerInstanceId, Attempt, Provider, Status, ResultValue, DurationMs, ExecutedAt) VALUES "
                                + "(?, ?, ?, ?, ?, 'PostgreSQL', ?, ?, ?, now() AT TIME ZONE 'UTC') ON CONFLICT (JobId, ConnectionId, QueryId) DO NOTHING")) {
                            for (Object[] r : results) {
                                for (int i = 0; i < r.length; i++) {
                                    insert.setObject(i + 1, r[i]);
                                }
                                insert.addBatch();
                            }
                            insert.executeBatch();
                        }
                        try (PreparedStatement complete = c.prepareStatement("UPDATE monitoring.WorkerJobs SET Status = 'Succeeded', "
                                + "CompletedAt = now() AT TIME ZONE 'UTC', LeaseExpiresAt = NULL WHERE JobId = ? AND WorkerInstanceId = ? "
                                + "AND Attempt = ? AND Status = 'Running'")) {
                            for (Object[] job : claimed) {
                                complete.setObject(1, job[0]);
                                complete.setObject(2, worker);
                                complete.setInt(3, (Integer) job[3]);
                                complete.addBatch();
                            }
                            complete.executeBatch();
                        }
                    }
                }
                return null;
            }));
        }
        for (var loop : loops) {
            loop.get();
        }
        threads.shutdown();
        awaitDone(store, "SELECT COUNT(*) FROM monitoring.WorkerJobs WHERE Status = 'Succeeded'");
        statementsTo(store, rep, "JDBC baseline");
        Map<String, Object> row = row("JDBC baseline", rep, (System.nanoTime() - start) / 1e9, Cpu.now().minus(cpu));
        List<Long> sorted = new ArrayList<>(claimNanos);
        Collections.sort(sorted);
        row.put("claimP50Ms", sorted.get(sorted.size() / 2) / 1e6);
        row.put("claimP99Ms", sorted.get((int) (sorted.size() * 0.99)) / 1e6);
        dueToStart(store, row, runStart);
        return row;
    }

    /** db-scheduler's one-time tasks doing the same work per job: SELECT 1 on the target and one result row. */
    private Map<String, Object> dbScheduler(Store store, DataSource storePool, DataSource targetPool, UUID connection, UUID query, int rep) {
        reset(store);
        JdbcTemplate jdbc = store.jdbc();
        jdbc.execute("CREATE TABLE IF NOT EXISTS scheduled_tasks (task_name TEXT NOT NULL, task_instance TEXT NOT NULL, task_data BYTEA, "
                + "execution_time TIMESTAMP WITH TIME ZONE NOT NULL, picked BOOLEAN NOT NULL, picked_by TEXT, last_success TIMESTAMP WITH TIME ZONE, "
                + "last_failure TIMESTAMP WITH TIME ZONE, consecutive_failures INT, last_heartbeat TIMESTAMP WITH TIME ZONE, version BIGINT NOT NULL, "
                + "priority SMALLINT, PRIMARY KEY (task_name, task_instance))");
        jdbc.execute("CREATE INDEX IF NOT EXISTS execution_time_idx ON scheduled_tasks (execution_time)");
        jdbc.execute("CREATE INDEX IF NOT EXISTS last_heartbeat_idx ON scheduled_tasks (last_heartbeat)");
        jdbc.execute("CREATE INDEX IF NOT EXISTS priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC)");
        jdbc.execute("TRUNCATE scheduled_tasks");
        List<Long> startedAfterNanos = Collections.synchronizedList(new ArrayList<>());
        long[] runStart = new long[1];
        OneTimeTask<Void> monitor = Tasks.oneTime("monitor").execute((instance, context) -> {
            long t0 = System.nanoTime();
            startedAfterNanos.add(t0 - runStart[0]);
            double value = selectOne(targetPool);
            String status = value > 10 ? "Critical" : value > 5 ? "Warning" : "Ok";
            try (Connection c = storePool.getConnection(); PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO monitoring.DatabaseMonitoringResults (JobId, ConnectionId, QueryId, Attempt, Provider, Status, ResultValue, "
                            + "DurationMs, ExecutedAt) VALUES (?, ?, ?, 1, 'PostgreSQL', ?, ?, ?, now() AT TIME ZONE 'UTC')")) {
                insert.setObject(1, UUID.fromString(instance.getId()));
                insert.setObject(2, connection);
                insert.setObject(3, query);
                insert.setString(4, status);
                insert.setDouble(5, value);
                insert.setLong(6, (System.nanoTime() - t0) / 1_000_000L);
                insert.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        Scheduler scheduler = Scheduler.create(storePool, monitor).threads(THREADS).pollUsingLockAndFetch(0.5, 3.0)
                .pollingInterval(Duration.ofSeconds(2)).build();
        Instant due = Instant.now();
        List<TaskInstance<?>> instances = new ArrayList<>();
        for (int i = 0; i < JOBS; i++) {
            instances.add(monitor.instance(UUID.randomUUID().toString()));
        }
        for (int from = 0; from < JOBS; from += 1000) {
            scheduler.scheduleBatch(instances.subList(from, Math.min(JOBS, from + 1000)), due);
        }
        statementsFrom(store, rep);
        Cpu cpu = Cpu.now();
        long start = System.nanoTime();
        runStart[0] = start;
        scheduler.start();
        awaitDone(store, "SELECT COUNT(*) FROM monitoring.DatabaseMonitoringResults");
        statementsTo(store, rep, "db-scheduler");
        double seconds = (System.nanoTime() - start) / 1e9;
        scheduler.stop();
        Map<String, Object> row = row("db-scheduler 16.7.1", rep, seconds, Cpu.now().minus(cpu));
        row.put("claimP50Ms", null);
        row.put("claimP99Ms", null);
        List<Long> sorted = new ArrayList<>(startedAfterNanos);
        Collections.sort(sorted);
        row.put("dueToStartP50Ms", sorted.get(sorted.size() / 2) / 1e6);
        row.put("dueToStartP99Ms", sorted.get((int) (sorted.size() * 0.99)) / 1e6);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM scheduled_tasks", Integer.class)).isZero();
        return row;
    }

    /**
     * The claim statement (the route's own claim-jobs.sql) against 100,000 due jobs among 1,000,000 finished ones:
     * 400 claims of a batch each (after 10 not timed), one after another on a pooled connection, as one worker's claim
     * loop issues them.
     */
    private void claimAtScale(Store store, DataSource storePool, List<ConfigurableApplicationContext> workers, UUID connection, UUID query)
            throws Exception {
        workers.forEach(w -> w.getBean(WorkerControl.class).pauseClaiming());
        JdbcTemplate jdbc = store.jdbc();
        // the earlier scenarios' pairs are switched off and their alerts removed: a sweep turning 30,000 of them Stale,
        // and their notifications, would share the machine with the statement measured here
        jdbc.update("UPDATE monitoring.DatabaseQueries SET IsEnabled = false WHERE QueryId <> ?", query);
        jdbc.execute("DELETE FROM monitoring.AlertEvents");
        jdbc.execute("DELETE FROM monitoring.AlertStates");
        jdbc.execute("TRUNCATE monitoring.DatabaseMonitoringResults, monitoring.WorkerJobs");
        jdbc.update("INSERT INTO monitoring.WorkerJobs (JobName, ConnectionId, QueryId, Status, Attempt, ScheduledAt, StartedAt, CompletedAt, DurationMs) "
                + "SELECT 'history ' || g, ?, ?, CASE WHEN g % 50 = 0 THEN 'Failed' ELSE 'Succeeded' END, 1, ts, ts, ts + INTERVAL '1 second', 3 "
                + "FROM (SELECT g, (now() AT TIME ZONE 'UTC') - g * INTERVAL '1 second' AS ts FROM generate_series(1, " + HISTORY + ") g) h", connection, query);
        jdbc.update("INSERT INTO monitoring.WorkerJobs (JobName, ConnectionId, QueryId, Priority, ScheduledAt) "
                + "SELECT 'due ' || g, ?, ?, 1 + g % 10, (now() AT TIME ZONE 'UTC') - g * INTERVAL '1 millisecond' FROM generate_series(1, " + PENDING + ") g",
                connection, query);
        jdbc.execute("VACUUM ANALYZE monitoring.WorkerJobs");
        // the load's own writes (a million rows, their index entries, the vacuum's hint bits) are flushed before the
        // claims are timed, as on a store that has been running
        jdbc.execute("CHECKPOINT");
        UUID claimer = UUID.randomUUID();
        jdbc.update("INSERT INTO monitoring.WorkerInstances (WorkerInstanceId, WorkerName, MachineName, Status, LastHeartbeatAt) "
                + "VALUES (?, 'claim-bench', 'bench', 'Running', now() AT TIME ZONE 'UTC')", claimer);
        String claim = StoreStatements.text(StoreDialect.POSTGRESQL, "claim-jobs");
        // on a pooled connection, as the worker claims: a new connection per statement would measure the server's fork
        NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(storePool);
        Map<String, Object> params = Map.of("WorkerInstanceId", claimer, "LeaseSeconds", 60, "BatchSize", BATCH);
        List<Double> millis = new ArrayList<>();
        int claimed = 0;
        for (int i = -WARM_UP_CLAIMS; i < 400; i++) {
            long t0 = System.nanoTime();
            claimed += named.queryForList(claim, params).size();
            if (i >= 0) {
                millis.add((System.nanoTime() - t0) / 1e6);
            }
        }
        if (CLAIM_ONLY) {
            System.out.println("claims in order (ms): " + millis.stream().map(m -> String.format("%.1f", m)).toList());
            named.queryForList("EXPLAIN (ANALYZE, BUFFERS, SETTINGS) " + claim, params).forEach(line -> System.out.println("plan: " + line.values()));
        }
        Collections.sort(millis);
        assertThat(claimed).isEqualTo((400 + WARM_UP_CLAIMS) * BATCH);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("pendingJobs", PENDING);
        r.put("historicalJobs", HISTORY);
        r.put("claims", millis.size());
        r.put("claimP50Ms", millis.get(millis.size() / 2));
        r.put("claimP99Ms", millis.get((int) (millis.size() * 0.99)));
        r.put("claimMaxMs", millis.get(millis.size() - 1));
        report.put("claimAtScale", r);
        System.out.printf("claim of %d among %,d due and %,d finished jobs: p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d claims)%n", BATCH, PENDING,
                HISTORY, r.get("claimP50Ms"), r.get("claimP99Ms"), r.get("claimMaxMs"), millis.size());
        jdbc.execute("TRUNCATE monitoring.DatabaseMonitoringResults, monitoring.WorkerJobs");
    }

    /**
     * One worker at a steady 10,000 monitors per minute: 10 connections x 1,000 queries every 60 s, spread over the
     * minute by the scheduler. After a warm-up minute, one minute is measured: jobs done, process CPU, due-to-start.
     */
    private void steadyState(Store store, ConfigurableApplicationContext worker, String targetUrl) {
        quiet(worker);
        reset(store);
        worker.getBean(WorkerControl.class).resumeClaiming();
        JdbcTemplate jdbc = store.jdbc();
        // only the 10 steady targets: the throughput runs' connection sits this one out
        jdbc.update("UPDATE monitoring.DatabaseConnections SET IsEnabled = false WHERE ConnectionName = 'bench target'");
        for (int c = 0; c < 10; c++) {
            UUID id = store.connection("steady target " + c, "PostgreSQL", targetUrl, "bench", 5);
            jdbc.update("UPDATE monitoring.DatabaseConnections SET MaxConcurrency = 2 WHERE ConnectionId = ?", id);
        }
        for (int q = 0; q < 1000; q++) {
            store.query("steady " + q, "PostgreSQL", "SELECT " + q, "Scalar", 500.0, 900.0, "GreaterThan", 5, 10, false);
        }
        jdbc.update("UPDATE monitoring.DatabaseQueries SET IntervalSeconds = 60 WHERE QueryName LIKE 'steady %'");
        await().pollDelay(Duration.ofSeconds(STEADY_WARMUP_SECONDS)).atMost(Duration.ofSeconds(STEADY_WARMUP_SECONDS + 1)).until(() -> true);
        Minute minute = Minute.measure(store, worker);
        Map<String, Object> m = jdbc.queryForMap("SELECT COUNT(*) AS done, "
                + "percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM StartedAt - ScheduledAt)) * 1000 AS p50, "
                + "percentile_cont(0.99) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM StartedAt - ScheduledAt)) * 1000 AS p99 "
                + "FROM monitoring.WorkerJobs WHERE Status = 'Succeeded' AND CompletedAt >= ? AND CompletedAt < ?", minute.from(), minute.to());
        jdbc.update("UPDATE monitoring.DatabaseQueries SET IsEnabled = false WHERE QueryName LIKE 'steady %'");
        jdbc.update("UPDATE monitoring.DatabaseConnections SET IsEnabled = true WHERE ConnectionName = 'bench target'");
        Map<String, Object> r = new LinkedHashMap<>();
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT ConnectionId) FROM monitoring.WorkerJobs", Integer.class)).isEqualTo(10);
        r.put("monitors", 10_000);
        r.put("intervalSeconds", 60);
        r.put("seconds", minute.seconds());
        r.put("jobsDone", ((Number) m.get("done")).longValue());
        r.put("jobsPerMinute", ((Number) m.get("done")).doubleValue() * 60 / minute.seconds());
        r.put("cpuCoresUsed", minute.cpuNanos() / 1e9 / minute.seconds());
        r.put("cpuPercentOfMachine", 100.0 * minute.cpuNanos() / 1e9 / minute.seconds() / Runtime.getRuntime().availableProcessors());
        r.put("dueToStartP50Ms", m.get("p50"));
        r.put("dueToStartP99Ms", m.get("p99"));
        r.put("planMsPerBatch", minute.planMs());
        report.put("steadyState", r);
        System.out.printf("steady state, 10,000 monitors per minute on one worker: %.0f jobs in the measured minute, CPU %.2f cores (%.0f%% of %d), "
                        + "due→start p50 %s ms, p99 %s ms%n", r.get("jobsPerMinute"), r.get("cpuCoresUsed"), r.get("cpuPercentOfMachine"),
                Runtime.getRuntime().availableProcessors(), fmt(m.get("p50")), fmt(m.get("p99")));
        reset(store);
    }

    /**
     * 10 healthy targets and 50 dead ones (a port nothing listens on: every connect is refused), 20 queries every 10 s
     * on each: after a warm-up, one minute is measured for the healthy pairs' due-to-start, while the dead ones fail.
     */
    private void deadTargets(Store store, ConfigurableApplicationContext worker, String targetUrl) throws Exception {
        quiet(worker);
        reset(store);
        worker.getBean(WorkerControl.class).resumeClaiming();
        JdbcTemplate jdbc = store.jdbc();
        jdbc.update("UPDATE monitoring.DatabaseConnections SET IsEnabled = false");
        List<UUID> healthy = new ArrayList<>();
        for (int c = 0; c < 10; c++) {
            healthy.add(store.connection("healthy target " + c, "PostgreSQL", targetUrl, "bench", 5));
        }
        int deadPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
        for (int c = 0; c < 50; c++) {
            store.connection("dead target " + c, "PostgreSQL", "jdbc:postgresql://127.0.0.1:" + deadPort + "/gone?user=x", "bench", 5);
        }
        for (int q = 0; q < 20; q++) {
            store.query("dead-bench " + q, "PostgreSQL", "SELECT " + q, "Scalar", 500.0, 900.0, "GreaterThan", 5, 10, false);
        }
        jdbc.update("UPDATE monitoring.DatabaseQueries SET IntervalSeconds = 10 WHERE QueryName LIKE 'dead-bench %'");
        await().pollDelay(Duration.ofSeconds(20)).atMost(Duration.ofSeconds(21)).until(() -> true); // warm-up: breakers open
        Object from = dbNow(store);
        await().pollDelay(Duration.ofSeconds(60)).atMost(Duration.ofSeconds(61)).until(() -> true); // the measured minute
        Object to = dbNow(store);
        jdbc.update("UPDATE monitoring.DatabaseQueries SET IsEnabled = false WHERE QueryName LIKE 'dead-bench %'");
        NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
        Map<String, Object> m = named.queryForMap("SELECT COUNT(*) AS done, "
                + "percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM StartedAt - ScheduledAt)) * 1000 AS p50, "
                + "percentile_cont(0.99) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM StartedAt - ScheduledAt)) * 1000 AS p99 "
                + "FROM monitoring.WorkerJobs WHERE Status = 'Succeeded' AND ScheduledAt >= :from AND ScheduledAt < :to AND ConnectionId IN (:healthy)",
                Map.of("from", from, "to", to, "healthy", healthy));
        Map<String, Object> results = named.queryForMap("SELECT COUNT(*) FILTER (WHERE r.Status = 'Ok') AS ok, COUNT(*) FILTER (WHERE r.Status = 'Error') AS errors "
                + "FROM monitoring.DatabaseMonitoringResults r JOIN monitoring.WorkerJobs j ON j.JobId = r.JobId "
                + "WHERE j.ScheduledAt >= :from AND j.ScheduledAt < :to", Map.of("from", from, "to", to));
        jdbc.update("UPDATE monitoring.DatabaseConnections SET IsEnabled = false WHERE ConnectionName LIKE 'healthy target %' OR ConnectionName LIKE 'dead target %'");
        jdbc.update("UPDATE monitoring.DatabaseConnections SET IsEnabled = true WHERE ConnectionName = 'bench target'");
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("healthyTargets", 10);
        r.put("deadTargets", 50);
        r.put("healthyJobsDone", ((Number) m.get("done")).longValue());
        r.put("healthyDueToStartP50Ms", m.get("p50"));
        r.put("healthyDueToStartP99Ms", m.get("p99"));
        r.put("okResults", ((Number) results.get("ok")).longValue());
        r.put("errorResults", ((Number) results.get("errors")).longValue());
        report.put("deadTargets", r);
        System.out.printf("50 dead targets beside 10 healthy ones: %d healthy jobs in the measured minute, due→start p50 %s ms, p99 %s ms; "
                + "%d Ok and %d Error results%n", r.get("healthyJobsDone"), fmt(m.get("p50")), fmt(m.get("p99")), r.get("okResults"), r.get("errorResults"));
        reset(store);
    }

    /**
     * The catalog at scale: 2,000 connections x 10 queries (20,000 pairs) every 60 s on one worker, on in-memory H2
     * targets (2,000 PostgreSQL targets would need 2,000 server connections). After a warm-up, one minute is measured:
     * jobs done, CPU, heap, threads, and the time plan-batch takes per claimed batch, against the steady state's.
     */
    private void catalogScale(Store store, ConfigurableApplicationContext worker) {
        quiet(worker);
        reset(store);
        worker.getBean(WorkerControl.class).resumeClaiming();
        JdbcTemplate jdbc = store.jdbc();
        jdbc.update("UPDATE monitoring.DatabaseConnections SET IsEnabled = false");
        List<Object[]> connections = new ArrayList<>();
        for (int c = 0; c < 2000; c++) {
            connections.add(new Object[]{UUID.randomUUID(), "catalog target " + c, "jdbc:h2:mem:catalog-" + (c % 20) + ";DB_CLOSE_DELAY=-1"});
        }
        jdbc.batchUpdate("INSERT INTO monitoring.DatabaseConnections (ConnectionId, ConnectionName, Provider, ConnectionString, Environment, "
                + "ConnectionTimeoutSeconds, MaxConcurrency) VALUES (?, ?, 'H2', ?, 'bench', 5, 1)", connections);
        for (int q = 0; q < 10; q++) {
            store.query("catalog " + q, "H2", "SELECT " + q, "Scalar", 500.0, 900.0, "GreaterThan", 5, 10, false);
        }
        jdbc.update("UPDATE monitoring.DatabaseQueries SET IntervalSeconds = 60 WHERE QueryName LIKE 'catalog %'");
        await().pollDelay(Duration.ofSeconds(STEADY_WARMUP_SECONDS + 30)).atMost(Duration.ofSeconds(STEADY_WARMUP_SECONDS + 31)).until(() -> true);
        Minute minute = Minute.measure(store, worker);
        int threads = ManagementFactory.getThreadMXBean().getThreadCount();
        System.gc();
        double heapMb = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1024.0 / 1024.0;
        Map<String, Object> m = jdbc.queryForMap("SELECT COUNT(*) AS done, "
                + "percentile_cont(0.99) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM StartedAt - ScheduledAt)) * 1000 AS p99 "
                + "FROM monitoring.WorkerJobs WHERE Status = 'Succeeded' AND CompletedAt >= ? AND CompletedAt < ?", minute.from(), minute.to());
        jdbc.update("UPDATE monitoring.DatabaseQueries SET IsEnabled = false WHERE QueryName LIKE 'catalog %'");
        jdbc.update("UPDATE monitoring.DatabaseConnections SET IsEnabled = false WHERE ConnectionName LIKE 'catalog target %'");
        // the worker closes the pools of the disabled connections at its next scheduling tick
        await().atMost(Duration.ofSeconds(30)).until(() -> worker.getBean(TargetPools.class).size() == 0);
        jdbc.update("UPDATE monitoring.DatabaseConnections SET IsEnabled = true WHERE ConnectionName = 'bench target'");
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("pairs", 20_000);
        r.put("intervalSeconds", 60);
        r.put("jobsDone", ((Number) m.get("done")).longValue());
        r.put("jobsPerMinute", ((Number) m.get("done")).doubleValue() * 60 / minute.seconds());
        r.put("cpuCoresUsed", minute.cpuNanos() / 1e9 / minute.seconds());
        r.put("heapAfterGcMb", heapMb);
        r.put("threads", threads);
        r.put("planMsPerBatch", minute.planMs());
        r.put("dueToStartP99Ms", m.get("p99"));
        report.put("catalogScale", r);
        System.out.printf("catalog of 20,000 pairs every 60 s on one worker: %.0f jobs in the measured minute, CPU %.2f cores, heap %.0f MB, "
                        + "%d threads, plan-batch %.1f ms per batch, due→start p99 %s ms%n", r.get("jobsPerMinute"), r.get("cpuCoresUsed"), heapMb,
                threads, minute.planMs(), fmt(m.get("p99")));
        quiet(worker);
        reset(store);
    }

    /**
     * 1,000 configured connections, each run once: the worker's threads and heap after the runs, once HikariCP's
     * connection adders have ended, and after the connections are disabled (their pools closed).
     */
    private void targetsOnce(Store store, ConfigurableApplicationContext worker) {
        quiet(worker);
        reset(store);
        JdbcTemplate jdbc = store.jdbc();
        jdbc.update("UPDATE monitoring.DatabaseConnections SET IsEnabled = false WHERE ConnectionName = 'bench target'");
        TargetPools pools = worker.getBean(TargetPools.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> pools.size() == 0);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("connections", 1000);
        footprint(r, "before");
        List<Object[]> connections = new ArrayList<>();
        for (int c = 0; c < 1000; c++) {
            connections.add(new Object[]{UUID.randomUUID(), "once target " + c, "jdbc:h2:mem:once-" + (c % 20) + ";DB_CLOSE_DELAY=-1"});
        }
        jdbc.batchUpdate("INSERT INTO monitoring.DatabaseConnections (ConnectionId, ConnectionName, Provider, ConnectionString, Environment, "
                + "ConnectionTimeoutSeconds, MaxConcurrency) VALUES (?, ?, 'H2', ?, 'bench', 5, 1)", connections);
        UUID query = store.query("once", "H2", "SELECT 1", "Scalar", 500.0, 900.0, "GreaterThan", null, 10, false);
        jdbc.update("INSERT INTO monitoring.WorkerJobs (JobName, ConnectionId, QueryId) SELECT 'once', ConnectionId, ? "
                + "FROM monitoring.DatabaseConnections WHERE ConnectionName LIKE 'once target %'", query);
        worker.getBean(WorkerControl.class).resumeClaiming();
        awaitDone(store, 1000, "SELECT COUNT(*) FROM monitoring.WorkerJobs WHERE Status = 'Succeeded' AND JobName = 'once'");
        r.put("poolsOpen", pools.size());
        r.put("breakerSeries", worker.getBean(MeterRegistry.class).find("monitoring.target.circuit.state").gauges().size());
        footprint(r, "afterRuns");
        await().pollDelay(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(11)).until(() -> true); // connection adders end after 5 s idle
        footprint(r, "settled");
        jdbc.update("UPDATE monitoring.DatabaseConnections SET IsEnabled = false WHERE ConnectionName LIKE 'once target %'");
        await().atMost(Duration.ofSeconds(30)).until(() -> pools.size() == 0);
        await().pollDelay(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(11)).until(() -> true); // and their closers
        r.put("breakerSeriesAfterDisable", worker.getBean(MeterRegistry.class).find("monitoring.target.circuit.state").gauges().size());
        footprint(r, "afterDisable");
        report.put("targetsOnce", r);
        System.out.printf("1,000 connections each run once: threads %s before, %s after the runs, %s settled, %s once disabled; heap after GC %.0f / %.0f / "
                        + "%.0f / %.0f MB; %s pools and %s breaker series open after the runs, %s breaker series once disabled%n", r.get("threadsBefore"),
                r.get("threadsAfterRuns"), r.get("threadsSettled"), r.get("threadsAfterDisable"), r.get("heapMbBefore"), r.get("heapMbAfterRuns"),
                r.get("heapMbSettled"), r.get("heapMbAfterDisable"), r.get("poolsOpen"), r.get("breakerSeries"), r.get("breakerSeriesAfterDisable"));
        quiet(worker);
        reset(store);
        jdbc.update("UPDATE monitoring.DatabaseConnections SET IsEnabled = true WHERE ConnectionName = 'bench target'");
    }

    private static void footprint(Map<String, Object> r, String when) {
        String suffix = Character.toUpperCase(when.charAt(0)) + when.substring(1);
        r.put("threads" + suffix, ManagementFactory.getThreadMXBean().getThreadCount());
        System.gc();
        r.put("heapMb" + suffix, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1024.0 / 1024.0);
    }

    /** One measured minute: the store's clock at both ends, this JVM's CPU, and plan-batch's mean time per batch. */
    private record Minute(Object from, Object to, double seconds, long cpuNanos, double planMs) {

        static Minute measure(Store store, ConfigurableApplicationContext worker) {
            PlanTime plan = PlanTime.of(worker);
            Object from = dbNow(store);
            long cpu = QueueBenchmark.cpuNanos();
            long start = System.nanoTime();
            await().pollDelay(Duration.ofSeconds(60)).atMost(Duration.ofSeconds(61)).until(() -> true); // the measured minute
            double seconds = (System.nanoTime() - start) / 1e9;
            long cpuNanos = QueueBenchmark.cpuNanos() - cpu;
            return new Minute(from, dbNow(store), seconds, cpuNanos, PlanTime.of(worker).meanMsSince(plan));
        }
    }

    /** plan-batch's route timer at one moment: its mean over a window is taken between two readings. */
    private record PlanTime(double totalMs, long count) {

        static PlanTime of(ConfigurableApplicationContext worker) {
            Timer t = worker.getBean(MeterRegistry.class).find("camel.route.policy").tag("routeId", "plan-batch").timer();
            return t == null ? new PlanTime(0, 0) : new PlanTime(t.totalTime(TimeUnit.MILLISECONDS), t.count());
        }

        double meanMsSince(PlanTime before) {
            return (totalMs - before.totalMs) / Math.max(1, count - before.count);
        }
    }

    /** Store transactions per minute with an empty queue, one worker, at its default timers. */
    private void idleCost(Store store, ConfigurableApplicationContext worker) {
        reset(store);
        Timer claims = worker.getBean(MeterRegistry.class).find("monitoring.claim.duration").timer();
        long claimsBefore = claims.count();
        long xactBefore = transactions(store);
        await().pollDelay(Duration.ofSeconds(30)).atMost(Duration.ofSeconds(31)).until(() -> true); // a fixed idle window
        double perMinute = (transactions(store) - xactBefore) * 2.0;
        report.put("idleStoreTransactionsPerMinute", perMinute);
        report.put("idleClaimsPerMinute", (claims.count() - claimsBefore) * 2.0);
    }

    private static long transactions(Store store) {
        return store.jdbc().queryForObject("SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()", Long.class);
    }

    /** From the moment the run began (all jobs were due by then) to each job's start: queue wait in a drain. */
    private static void dueToStart(Store store, Map<String, Object> row, Object runStart) {
        Map<String, Object> p = store.jdbc().queryForMap("SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM StartedAt - ?)) * 1000 AS p50, "
                + "percentile_cont(0.99) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM StartedAt - ?)) * 1000 AS p99 FROM monitoring.WorkerJobs", runStart, runStart);
        row.put("dueToStartP50Ms", p.get("p50"));
        row.put("dueToStartP99Ms", p.get("p99"));
    }

    private static Object dbNow(Store store) {
        return store.jdbc().queryForObject("SELECT now() AT TIME ZONE 'UTC'", java.sql.Timestamp.class);
    }

    private static double selectOne(DataSource target) {
        try (Connection c = target.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
            rs.next();
            return rs.getDouble(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String routeMean(MeterRegistry meters, String routeId) {
        Timer t = meters.find("camel.route.policy").tag("routeId", routeId).timer();
        return t == null ? "-" : String.format("%.1f ms", t.mean(TimeUnit.MILLISECONDS));
    }

    /** The worker stops claiming and writes what it holds: the store's rows can then be cleared without racing its writes. */
    private static void quiet(ConfigurableApplicationContext worker) {
        WorkerControl control = worker.getBean(WorkerControl.class);
        control.pauseClaiming();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> control.getInFlightJobs() == 0);
    }

    private static void statementsFrom(Store store, int rep) {
        if (STATEMENTS && rep == 0) {
            store.jdbc().execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            store.jdbc().execute("SELECT pg_stat_statements_reset()");
        }
    }

    /** The statements of the drain just ended (store and target), most server time first, per 1,000 jobs. */
    private static void statementsTo(Store store, int rep, String system) {
        if (STATEMENTS && rep == 0) {
            System.out.println("server time per 1,000 jobs, " + system + ":");
            store.jdbc().queryForList("SELECT calls, total_exec_time + total_plan_time AS ms, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) AS q "
                    + "FROM pg_stat_statements ORDER BY 2 DESC LIMIT 15").forEach(r -> System.out.printf("  %8.1f ms %7.0f calls  %s%n",
                    ((Number) r.get("ms")).doubleValue() * 1000 / JOBS, ((Number) r.get("calls")).doubleValue() * 1000 / JOBS, r.get("q")));
        }
    }

    private static void reset(Store store) {
        store.jdbc().update("DELETE FROM monitoring.DatabaseMonitoringResults");
        store.jdbc().update("DELETE FROM monitoring.WorkerJobs");
        store.jdbc().execute("VACUUM ANALYZE monitoring.WorkerJobs");
    }

    private static void awaitDone(Store store, String countSql) {
        awaitDone(store, JOBS, countSql);
    }

    private static void awaitDone(Store store, int jobs, String countSql) {
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> store.jdbc().queryForObject(countSql, Integer.class) >= jobs);
    }

    private static Map<String, Object> row(String system, int rep, double seconds, Cpu cpu) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("system", system);
        row.put("rep", rep + 1);
        row.put("jobs", JOBS);
        row.put("seconds", seconds);
        row.put("jobsPerSecond", JOBS / seconds);
        row.put("cpuSecondsPer1000Jobs", cpu.jvmNanos() / 1e9 / (JOBS / 1000.0));
        row.put("postgresCpuSecondsPer1000Jobs", cpu.postgresNanos() < 0 ? null : cpu.postgresNanos() / 1e9 / (JOBS / 1000.0));
        System.gc();
        row.put("heapAfterGcMb", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1024.0 / 1024.0);
        System.out.printf("%-22s %s: %,d jobs in %.1f s = %.0f jobs/s%n", system, rep < 0 ? "warm-up" : "rep " + (rep + 1), JOBS, seconds,
                JOBS / seconds);
        return row;
    }

    /**
     * CPU used by this JVM and by the PostgreSQL server's processes (store and target alike; from /proc, -1 where
     * there is none), which share the machine's cores.
     */
    record Cpu(long jvmNanos, long postgresNanos) {

        static Cpu now() {
            return new Cpu(cpuNanos(), postgresCpuNanos());
        }

        Cpu minus(Cpu before) {
            return new Cpu(jvmNanos - before.jvmNanos, postgresNanos < 0 || before.postgresNanos < 0 ? -1 : postgresNanos - before.postgresNanos);
        }

        private static long postgresCpuNanos() {
            Path proc = Path.of("/proc");
            if (!Files.isDirectory(proc)) {
                return -1;
            }
            long ticks = 0;
            try (var pids = Files.list(proc)) {
                for (Path pid : pids.filter(d -> d.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                    try {
                        String stat = Files.readString(pid.resolve("stat"));
                        if (stat.contains("(postgres)")) {
                            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                            ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
                        }
                    } catch (java.io.IOException | RuntimeException gone) {
                        // a backend that ended meanwhile
                    }
                }
            } catch (java.io.IOException e) {
                return -1;
            }
            return ticks * 10_000_000L; // USER_HZ 100
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static HikariDataSource pool(String url, int size) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(url);
        ds.setUsername("postgres");
        ds.setMaximumPoolSize(size);
        return ds;
    }

    private void summarize(List<Map<String, Object>> rows) throws Exception {
        Map<String, Map<String, Object>> bySystem = new LinkedHashMap<>();
        for (Map<String, Object> r : rows) {
            bySystem.computeIfAbsent((String) r.get("system"), s -> new LinkedHashMap<>());
        }
        StringBuilder table = new StringBuilder(String.format("%n%-22s %10s %10s %10s %10s %10s %12s %12s %10s %11s %10s%n", "system",
                "jobs/s med", "min", "max", "claim p50", "claim p99", "due→start p50", "due→start p99", "cpu s/1k", "pg cpu s/1k", "heap MB"));
        for (String system : bySystem.keySet()) {
            List<Map<String, Object>> reps = rows.stream().filter(r -> r.get("system").equals(system)).toList();
            List<Double> rates = reps.stream().map(r -> (Double) r.get("jobsPerSecond")).sorted().toList();
            Map<String, Object> s = bySystem.get(system);
            s.put("jobsPerSecondMedian", rates.get(rates.size() / 2));
            s.put("jobsPerSecondMin", rates.get(0));
            s.put("jobsPerSecondMax", rates.get(rates.size() - 1));
            for (String k : List.of("claimP50Ms", "claimP99Ms", "dueToStartP50Ms", "dueToStartP99Ms", "cpuSecondsPer1000Jobs",
                    "postgresCpuSecondsPer1000Jobs", "heapAfterGcMb")) {
                List<Double> v = reps.stream().map(r -> r.get(k)).filter(x -> x instanceof Number).map(x -> ((Number) x).doubleValue()).sorted().toList();
                s.put(k, v.isEmpty() ? null : v.get(v.size() / 2));
            }
            table.append(String.format("%-22s %10.0f %10.0f %10.0f %10s %10s %12s %12s %10s %11s %10s%n", system, s.get("jobsPerSecondMedian"),
                    s.get("jobsPerSecondMin"), s.get("jobsPerSecondMax"), fmt(s.get("claimP50Ms")), fmt(s.get("claimP99Ms")),
                    fmt(s.get("dueToStartP50Ms")), fmt(s.get("dueToStartP99Ms")), fmt(s.get("cpuSecondsPer1000Jobs")),
                    fmt(s.get("postgresCpuSecondsPer1000Jobs")), fmt(s.get("heapAfterGcMb"))));
        }
        double mw = (Double) bySystem.get("MonitoringWorker x1").get("jobsPerSecondMedian");
        double peer = (Double) bySystem.get("db-scheduler 16.7.1").get("jobsPerSecondMedian");
        double base = (Double) bySystem.get("JDBC baseline").get("jobsPerSecondMedian");
        report.put("ratioMonitoringWorkerToPeer", mw / peer);
        report.put("ratioMonitoringWorkerToBaseline", mw / base);
        Map<?, ?> scale = (Map<?, ?>) report.get("claimAtScale");
        Map<?, ?> steady = (Map<?, ?>) report.get("steadyState");
        table.append(String.format("claim with %,d due / %,d finished jobs: p50 %s ms, p99 %s ms; steady 10,000 monitors/min: %.0f jobs/min, "
                        + "%.2f CPU cores, due→start p99 %s ms%n", PENDING, HISTORY, fmt(scale.get("claimP50Ms")), fmt(scale.get("claimP99Ms")),
                steady.get("jobsPerMinute"), steady.get("cpuCoresUsed"), fmt(steady.get("dueToStartP99Ms"))));
        Map<?, ?> dead = (Map<?, ?>) report.get("deadTargets");
        Map<?, ?> catalog = (Map<?, ?>) report.get("catalogScale");
        table.append(String.format("50 dead targets beside 10 healthy: healthy due→start p50 %s ms, p99 %s ms; catalog of 20,000 pairs a minute: "
                        + "%.0f jobs/min, %.2f CPU cores, heap %.0f MB, %s threads, plan-batch %.1f ms per batch (steady state: %.1f ms)%n",
                fmt(dead.get("healthyDueToStartP50Ms")), fmt(dead.get("healthyDueToStartP99Ms")), catalog.get("jobsPerMinute"),
                catalog.get("cpuCoresUsed"), catalog.get("heapAfterGcMb"), catalog.get("threads"), catalog.get("planMsPerBatch"),
                steady.get("planMsPerBatch")));
        table.append(String.format("MonitoringWorker x1 / db-scheduler = %.2f, / JDBC baseline = %.2f; idle: %.0f store transactions and %.0f claims "
                        + "per minute, one worker%n", mw / peer, mw / base, report.get("idleStoreTransactionsPerMinute"), report.get("idleClaimsPerMinute")));
        System.out.println(table);
        report.put("machine", Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + ", Java " + System.getProperty("java.version"));
        report.put("jobs", JOBS);
        report.put("reps", REPS);
        report.put("threads", THREADS);
        report.put("batchSize", BATCH);
        report.put("systems", bySystem);
        report.put("runs", rows);
        Path out = Path.of("target/benchmark/results.json");
        Files.createDirectories(out.getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), report);
        Files.writeString(Path.of("target/benchmark/results.txt"), table.toString());
    }

    private static String fmt(Object v) {
        return v == null ? "—" : String.format("%.1f", ((Number) v).doubleValue());
    }
}
