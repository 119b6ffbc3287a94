package dev.monitoringworker.store;

import dev.monitoringworker.support.Store;
import dev.monitoringworker.support.StoreStatements;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two runners racing on one job, with the store's own statements on each dialect: runner A's lease expired, and
 * the reaper hands the job back while A writes its outcome. A's write waits for the reaper's row lock; once the
 * reaper commits, A's completion and result must both find the fence closed, and runner B, who claims the job
 * next, must have its result and completion kept: the result row and the job row name the same attempt.
 */
class StaleRunnerRaceIT {

    private static final Timestamp LONG_AGO = Timestamp.valueOf(LocalDateTime.of(2000, 1, 1, 0, 0));

    @ParameterizedTest(name = "{0}")
    @EnumSource(StoreDialect.class)
    void anAttemptThatLostItsLeaseWritesNeitherResultNorCompletion(StoreDialect dialect) throws Exception {
        DataSource store = StoreStatements.freshStore(dialect, "race");
        Store rows = new Store(store);
        UUID connection = rows.connection("raced", "PostgreSQL", "jdbc:postgresql://localhost/raced", "it", 2);
        UUID query = rows.query("raced", null, "SELECT 1", "Scalar", null, null, null, 5, 10, false);
        UUID a = rows.worker("runner a");
        UUID b = rows.worker("runner b");
        UUID job = UUID.randomUUID();
        rows.jdbc().update("INSERT INTO monitoring.WorkerJobs (JobId, JobName, ConnectionId, QueryId, Status, WorkerInstanceId, Attempt, "
                + "StartedAt, LeaseExpiresAt) VALUES (?, 'raced', ?, ?, 'Running', ?, 1, ?, ?)", job, connection, query, a, LONG_AGO, LONG_AGO);

        NamedParameterJdbcTemplate sql = new NamedParameterJdbcTemplate(store);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(store));
        CountDownLatch reaped = new CountDownLatch(1);
        CountDownLatch commitReap = new CountDownLatch(1);
        CompletableFuture<Integer> reaper = CompletableFuture.supplyAsync(() -> tx.execute(s -> {
            int n = sql.update(StoreStatements.text(dialect, "reap-expired-leases"), Map.of());
            reaped.countDown();
            awaitLatch(commitReap);
            return n;
        }));
        assertThat(reaped.await(30, TimeUnit.SECONDS)).isTrue();

        // A writes its batch as write-batch-transaction does, while the reaper's change is not yet committed
        CompletableFuture<int[]> runnerA = CompletableFuture.supplyAsync(() -> tx.execute(s -> write(dialect, sql, job, connection, query, a, 1)));
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> !runnerA.isDone());
        commitReap.countDown();
        assertThat(reaper.get(30, TimeUnit.SECONDS)).isEqualTo(1);
        int[] writtenByA = runnerA.get(30, TimeUnit.SECONDS);
        assertThat(writtenByA).as("A's completion and result rows").containsExactly(0, 0);

        List<Map<String, Object>> claimed = sql.queryForList(StoreStatements.text(dialect, "claim-jobs"),
                Map.of("WorkerInstanceId", b, "LeaseSeconds", 60, "BatchSize", 10));
        assertThat(claimed).hasSize(1);
        int[] writtenByB = tx.execute(s -> write(dialect, sql, job, connection, query, b, 2));
        assertThat(writtenByB).as("B's completion and result rows").containsExactly(1, 1);

        Map<String, Object> jobRow = rows.jdbc().queryForMap("SELECT Status, WorkerInstanceId, Attempt FROM monitoring.WorkerJobs WHERE JobId = ?", job);
        assertThat(Row.of(jobRow).string("Status")).isEqualTo("Succeeded");
        assertThat(Row.of(jobRow).uuid("WorkerInstanceId")).isEqualTo(b);
        List<Row> results = rows.jdbc().queryForList("SELECT WorkerInstanceId, Attempt FROM monitoring.DatabaseMonitoringResults WHERE JobId = ?", job)
                .stream().map(Row::of).toList();
        assertThat(results).hasSize(1);
        assertThat(results.get(0).uuid("WorkerInstanceId")).isEqualTo(b);
        assertThat(results.get(0).integer("Attempt")).as("the result's attempt is the job's").isEqualTo(Row.of(jobRow).integer("Attempt")).isEqualTo(2);
    }

    /** The batch write's two statements for one job, in the route's order: {completed, results inserted}. */
    private static int[] write(StoreDialect dialect, NamedParameterJdbcTemplate sql, UUID job, UUID connection, UUID query, UUID runner, int attempt) {
        Map<String, Object> completion = new HashMap<>();
        completion.put("JobId", job);
        completion.put("WorkerInstanceId", runner);
        completion.put("Attempt", attempt);
        completion.put("ResultSummary", "{\"results\":1}");
        completion.put("DurationMs", 3);
        int completed = sql.update(StoreStatements.text(dialect, "complete-job"), completion);
        Map<String, Object> result = new HashMap<>();
        result.put("JobId", job);
        result.put("ConnectionId", connection);
        result.put("QueryId", query);
        result.put("WorkerInstanceId", runner);
        result.put("Attempt", attempt);
        result.put("Environment", "it");
        result.put("Provider", "PostgreSQL");
        result.put("Status", "Ok");
        result.put("ResultValue", (double) attempt);
        result.put("ResultText", String.valueOf(attempt));
        result.put("ResultRowCount", 1);
        result.put("DurationMs", 3);
        result.put("ErrorMessage", null);
        result.put("Details", "{}");
        result.put("QueryHash", "a".repeat(64));
        int inserted = sql.update(StoreStatements.text(dialect, "insert-result"), result);
        return new int[]{completed, inserted};
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never let the reaper commit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
