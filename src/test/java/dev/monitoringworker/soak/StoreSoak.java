package dev.monitoringworker.soak;

import dev.monitoringworker.support.FaultyProxy;
import dev.monitoringworker.support.Store;
import dev.monitoringworker.support.WorkerProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The worker through a long, unkind run ({@code mvn -B verify -Psoak}, about 18 minutes on 2 cores): three worker
 * processes from the packaged jar share a PostgreSQL store and run 200 connections x 2 queries every 30 s. Every
 * 2 minutes a worker is killed with SIGKILL and started again; every 5 minutes the store restarts; all the while a
 * tenth of the workers' store statements are lost on the wire (half before the store ran them, half after, the
 * connection dropped either way). Then the faults stop, the queue drains, and the run reports jobs done, jobs lost
 * (must be 0), duplicate results (must be 0), heap after a full GC per worker at its start and at the end, and the
 * longest gap between two results of any (connection, query).
 * <p>
 * Worker 1 is never killed, so its heap at the end is that of a worker that lived through the whole run; workers 2
 * and 3 take turns as the victim. A worker that exits (a start that gave up waiting for its store) is started again
 * within 5 s, as Kubernetes would. The workers' consoles are kept in
 * target/soak/. Sized by -Dsoak.minutes (faults, default 16), -Dsoak.connections (200).
 */
class StoreSoak {

    private static final int MINUTES = Integer.getInteger("soak.minutes", 16);
    private static final int CONNECTIONS = Integer.getInteger("soak.connections", 200);
    private static final int INTERVAL_SECONDS = 30;
    private static final long KILL_EVERY_MS = TimeUnit.MINUTES.toMillis(2);
    private static final long STORE_RESTART_EVERY_MS = TimeUnit.MINUTES.toMillis(5);
    private static final double STORE_FAULTS = 0.10;

    private final List<String> log = new CopyOnWriteArrayList<>();

    @Test
    void threeWorkersLoseNothingThroughKillsStoreRestartsAndLostStatements(@TempDir Path dir) throws Exception {
        Path logs = Files.createDirectories(Path.of("target", "soak"));
        try (var old = Files.list(logs)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        int storePort = freePort();
        Path storeData = dir.resolve("store");
        AtomicReference<EmbeddedPostgres> store = new AtomicReference<>(startStore(storeData, storePort));
        EmbeddedPostgres targets = EmbeddedPostgres.builder().setServerConfig("max_connections", "1000").start();
        List<WorkerProcess> workers = new CopyOnWriteArrayList<>();
        int[] incarnations = {1, 1, 1};
        FaultyProxy storeLink = new FaultyProxy(storePort, FaultyProxy.Mode.PASS, null);
        try {
            JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:" + storePort + "/postgres", "postgres", ""));
            String workerStoreUrl = "jdbc:postgresql://127.0.0.1:" + storeLink.port() + "/postgres";
            for (int i = 1; i <= 3; i++) {
                workers.add(startWorker(logs, workerStoreUrl, i, 1));
            }
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM monitoring.WorkerInstances WHERE Status = 'Running'", Integer.class) == 3);
            catalog(new Store(jdbc.getDataSource()), targets.getJdbcUrl("postgres", "postgres"));
            // the start heap is that of a worker in its stride: every pair ran at least once
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).until(() -> jdbc.queryForObject(
                    "SELECT COUNT(DISTINCT (ConnectionId, QueryId)) FROM monitoring.DatabaseMonitoringResults", Integer.class) == 2 * CONNECTIONS);
            List<Long> heapAtStart = new ArrayList<>();
            for (WorkerProcess w : workers) {
                heapAtStart.add(heapAfterGc(w));
            }

            Timestamp faultsFrom = now(jdbc);
            storeLink.flaky(STORE_FAULTS);
            long started = System.currentTimeMillis();
            AtomicInteger kills = new AtomicInteger();
            AtomicInteger storeRestarts = new AtomicInteger();
            AtomicInteger exits = new AtomicInteger();
            ScheduledExecutorService chaos = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "soak-faults");
                t.setDaemon(true);
                return t;
            });
            long end = started + TimeUnit.MINUTES.toMillis(MINUTES);
            chaos.scheduleAtFixedRate(() -> {
                if (System.currentTimeMillis() > end - 30_000) {
                    return; // the last worker started is in its stride when the faults stop
                }
                int victim = 1 + kills.getAndIncrement() % 2; // workers 2 and 3 take turns
                try {
                    workers.get(victim).kill();
                    workers.set(victim, startWorker(logs, workerStoreUrl, victim + 1, ++incarnations[victim]));
                    note("%s SIGKILL worker %d, started again", elapsed(started), victim + 1);
                } catch (Exception e) {
                    note("%s could not kill and restart worker %d: %s", elapsed(started), victim + 1, e);
                }
            }, KILL_EVERY_MS, KILL_EVERY_MS, TimeUnit.MILLISECONDS);
            // as Kubernetes restarts a container that exited: a start may give up waiting for its store
            chaos.scheduleWithFixedDelay(() -> {
                for (int i = 0; i < workers.size(); i++) {
                    if (!workers.get(i).isAlive()) {
                        try {
                            note("%s worker %d exited (code %d, see %s), started again", elapsed(started), i + 1, workers.get(i).exitValue(),
                                    workers.get(i).console().getFileName());
                            workers.set(i, startWorker(logs, workerStoreUrl, i + 1, ++incarnations[i]));
                            exits.incrementAndGet();
                        } catch (Exception e) {
                            note("%s could not restart worker %d: %s", elapsed(started), i + 1, e);
                        }
                    }
                }
            }, 5, 5, TimeUnit.SECONDS);
            chaos.scheduleAtFixedRate(() -> {
                long down = System.nanoTime();
                try {
                    store.get().close();
                    store.set(startStore(storeData, storePort));
                    storeRestarts.incrementAndGet();
                    note("%s store restarted (down %.1f s)", elapsed(started), (System.nanoTime() - down) / 1e9);
                } catch (Exception e) {
                    note("%s store restart failed: %s", elapsed(started), e);
                }
            }, STORE_RESTART_EVERY_MS, STORE_RESTART_EVERY_MS, TimeUnit.MILLISECONDS);
            await().atMost(Duration.ofMinutes(MINUTES + 2)).pollInterval(Duration.ofSeconds(5)).until(() -> System.currentTimeMillis() >= end);
            chaos.shutdown();
            assertThat(chaos.awaitTermination(2, TimeUnit.MINUTES)).as("the last fault done").isTrue();
            storeLink.mode(FaultyProxy.Mode.PASS);
            Timestamp faultsUntil = now(jdbc);
            note("%s faults stopped: %d kills, %d store restarts, statements lost %s", elapsed(started), kills.get(), storeRestarts.get(), storeLink.losses());

            // every job enqueued while the faults lasted ends, at the latest a lease (60 s) and a retry backoff later
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2)).ignoreExceptions().until(() -> jdbc.queryForObject(
                    "SELECT COUNT(*) FROM monitoring.WorkerJobs WHERE CreatedAt <= ? AND Status IN ('Pending', 'Running')", Integer.class, faultsUntil) == 0);
            // every worker alive and registered, the killed ones' rows declared Dead
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> workers.stream().allMatch(WorkerProcess::isAlive)
                    && jdbc.queryForObject("SELECT COUNT(*) FROM monitoring.WorkerInstances WHERE Status = 'Running'", Integer.class) == 3);
            List<Long> heapAtEnd = new ArrayList<>();
            for (WorkerProcess w : workers) {
                heapAtEnd.add(heapAfterGc(w));
            }

            Map<String, Object> jobs = jdbc.queryForMap("SELECT COUNT(*) AS enqueued, "
                    + "COUNT(*) FILTER (WHERE Status = 'Succeeded') AS succeeded, "
                    + "COUNT(*) FILTER (WHERE Status = 'Failed') AS failed, "
                    + "COUNT(*) FILTER (WHERE Status = 'Cancelled') AS skipped, "
                    + "COUNT(*) FILTER (WHERE Attempt > 1) AS rerun "
                    + "FROM monitoring.WorkerJobs WHERE CreatedAt <= ?", faultsUntil);
            long succeededWithoutResult = jdbc.queryForObject("SELECT COUNT(*) FROM monitoring.WorkerJobs j WHERE j.CreatedAt <= ? AND j.Status = 'Succeeded' "
                    + "AND NOT EXISTS (SELECT 1 FROM monitoring.DatabaseMonitoringResults r WHERE r.JobId = j.JobId)", Long.class, faultsUntil);
            long lost = succeededWithoutResult + ((Number) jobs.get("failed")).longValue();
            long duplicateResults = jdbc.queryForObject("SELECT COALESCE(SUM(n - 1), 0) FROM (SELECT COUNT(*) AS n FROM monitoring.DatabaseMonitoringResults "
                    + "GROUP BY JobId, ConnectionId, QueryId HAVING COUNT(*) > 1) d", Long.class);
            long duplicateSlots = jdbc.queryForObject("SELECT COALESCE(SUM(n - 1), 0) FROM (SELECT COUNT(*) AS n FROM monitoring.DatabaseMonitoringResults r "
                    + "JOIN monitoring.WorkerJobs j ON j.JobId = r.JobId WHERE j.DedupeKey IS NOT NULL "
                    + "GROUP BY r.ConnectionId, r.QueryId, j.ScheduledAt HAVING COUNT(*) > 1) d", Long.class);
            Map<String, Object> gaps = jdbc.queryForMap("SELECT MAX(gap) AS longest, percentile_cont(0.99) WITHIN GROUP (ORDER BY gap) AS p99, COUNT(*) AS n FROM ("
                    + "SELECT EXTRACT(EPOCH FROM ExecutedAt - LAG(ExecutedAt) OVER (PARTITION BY ConnectionId, QueryId ORDER BY ExecutedAt)) AS gap "
                    + "FROM monitoring.DatabaseMonitoringResults WHERE ExecutedAt BETWEEN ? AND ?) g WHERE gap IS NOT NULL", faultsFrom, faultsUntil);
            List<String> failures = jdbc.queryForList("SELECT LEFT(LastError, 160) FROM monitoring.WorkerJobs WHERE CreatedAt <= ? AND Status = 'Failed' "
                    + "GROUP BY LEFT(LastError, 160) ORDER BY COUNT(*) DESC LIMIT 3", String.class, faultsUntil);

            StringBuilder report = new StringBuilder(String.format("%nsoak: 3 workers, %d connections x 2 queries every %d s, %d min of faults "
                            + "(SIGKILL every 2 min: %d; store restart every 5 min: %d; %.0f %% of store statements lost: %s)%n",
                    CONNECTIONS, INTERVAL_SECONDS, MINUTES, kills.get(), storeRestarts.get(), STORE_FAULTS * 100, storeLink.losses()));
            log.forEach(line -> report.append("  ").append(line).append('\n'));
            report.append(String.format("  workers that exited at start and were started again: %d%n", exits.get()));
            report.append(String.format("  jobs enqueued %s: succeeded %s, skipped (pair still busy) %s, run again after a kill or expired lease %s%n",
                    jobs.get("enqueued"), jobs.get("succeeded"), jobs.get("skipped"), jobs.get("rerun")));
            report.append(String.format("  lost %d (failed %s, succeeded without their result %d)%s%n", lost, jobs.get("failed"), succeededWithoutResult,
                    failures.isEmpty() ? "" : ": " + failures));
            report.append(String.format("  duplicate results %d (same job), %d (same pair and slot)%n", duplicateResults, duplicateSlots));
            report.append(String.format("  gaps between a pair's results (interval %d s): longest %.1f s, p99 %.1f s, over %s gaps%n", INTERVAL_SECONDS,
                    number(gaps.get("longest")), number(gaps.get("p99")), gaps.get("n")));
            for (int i = 0; i < 3; i++) {
                report.append(String.format("  worker %d: heap after full GC %d MB at its start, %d MB at the end (%d incarnation(s))%n", i + 1,
                        heapAtStart.get(i) >> 20, heapAtEnd.get(i) >> 20, incarnations[i]));
            }
            System.out.println(report);

            assertThat(((Number) jobs.get("succeeded")).longValue()).as("jobs done").isPositive();
            assertThat(lost).as("jobs lost").isZero();
            assertThat(duplicateResults + duplicateSlots).as("duplicate results").isZero();
        } finally {
            // the workers stop first, while their store still answers
            for (WorkerProcess w : workers) {
                w.close();
            }
            storeLink.close();
            store.get().close();
            targets.close();
        }
    }

    private static EmbeddedPostgres startStore(Path data, int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port)
                .setServerConfig("max_connections", "300").start();
    }

    private static WorkerProcess startWorker(Path logs, String storeUrl, int n, int incarnation) throws IOException {
        return WorkerProcess.startJar(logs.resolve("worker-" + n + "." + incarnation + ".log"), Map.of(
                "spring.datasource.url", storeUrl, "spring.datasource.username", "postgres",
                "server.port", 0, "management.server.port", 0, "spring.h2.console.enabled", false,
                "monitoring.worker.name", "soak-" + n));
    }

    /** 200 connections to one PostgreSQL target, a plain check and one with thresholds (alerts move), every 30 s. */
    private static void catalog(Store store, String targetUrl) {
        store.jdbc().update("UPDATE monitoring.DatabaseQueries SET IsEnabled = false");
        for (int i = 1; i <= CONNECTIONS; i++) {
            store.connection(String.format("soak target %03d", i), "PostgreSQL", targetUrl, "soak", 5);
        }
        UUID sessions = store.query("soak: sessions", "PostgreSQL", "SELECT count(*) FROM pg_stat_activity", "Scalar", null, null, null, 10, 10, false);
        UUID dice = store.query("soak: dice", "PostgreSQL", "SELECT (random() * 100)::int", "Scalar", 70.0, 90.0, "GreaterThan", 10, 10, false);
        store.jdbc().update("UPDATE monitoring.DatabaseQueries SET IntervalSeconds = ? WHERE QueryId IN (?, ?)", INTERVAL_SECONDS, sessions, dice);
        store.jdbc().update("UPDATE monitoring.DatabaseConnections SET MaxConcurrency = 1");
    }

    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");

    /** Heap in use after a full GC, asked of the worker's JVM with jcmd. */
    private static long heapAfterGc(WorkerProcess worker) throws IOException, InterruptedException {
        jcmd(worker, "GC.run");
        Matcher m = HEAP_USED.matcher(jcmd(worker, "GC.heap_info"));
        return m.find() ? Long.parseLong(m.group(1)) * 1024 : -1;
    }

    private static String jcmd(WorkerProcess worker, String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(worker.pid()), command)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static Timestamp now(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT now() AT TIME ZONE 'UTC'", Timestamp.class);
    }

    private static double number(Object o) {
        return o == null ? Double.NaN : ((Number) o).doubleValue();
    }

    private static String elapsed(long started) {
        long s = (System.currentTimeMillis() - started) / 1000;
        return String.format("%2d:%02d", s / 60, s % 60);
    }

    private void note(String format, Object... args) {
        String line = String.format(format, args);
        log.add(line);
        System.out.println("soak " + line);
    }
}
