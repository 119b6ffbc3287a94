package dev.monitoringworker.store;

import dev.monitoringworker.support.Store;
import dev.monitoringworker.support.StoreStatements;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A claim on a PostgreSQL store reads the jobs it takes, not every pending one, even when the table's statistics are
 * stale: they were taken while the queue was empty, and a burst of jobs came after (a catalog enabled, a backlog after
 * an outage). Counted by the server itself: the claim index's entries read ({@code pg_stat_user_indexes.idx_tup_read}).
 * The same claim written as a plain UPDATE is planned from those statistics, and reads every pending job's entry.
 */
class ClaimPlanIT {

    private static final int PENDING = 20_000;
    private static final String PLAIN_CLAIM = "UPDATE monitoring.WorkerJobs SET Status = 'Running', WorkerInstanceId = :WorkerInstanceId, "
            + "Attempt = Attempt + 1, StartedAt = (now() AT TIME ZONE 'UTC'), LeaseExpiresAt = (now() AT TIME ZONE 'UTC') + INTERVAL '60 seconds' "
            + "WHERE JobId IN (SELECT JobId FROM monitoring.WorkerJobs WHERE Status = 'Pending' AND ScheduledAt <= (now() AT TIME ZONE 'UTC') "
            + "AND (NextAttemptAt IS NULL OR NextAttemptAt <= (now() AT TIME ZONE 'UTC')) AND (WorkerInstanceId IS NULL OR WorkerInstanceId = :WorkerInstanceId) "
            + "ORDER BY Priority, ScheduledAt LIMIT :BatchSize FOR UPDATE SKIP LOCKED) RETURNING JobId";

    @Test
    void aClaimAfterABurstReadsTheJobsItTakesWhateverTheStatisticsSay() throws Exception {
        DataSource fresh = StoreStatements.freshStore(StoreDialect.POSTGRESQL, "claimplan");
        Store rows = new Store(fresh);
        UUID connection = rows.connection("burst", "PostgreSQL", "jdbc:postgresql://localhost/burst", "it", 2);
        UUID query = rows.query("burst", null, "SELECT 1", "Scalar", null, null, null, 5, 10, false);
        UUID worker = rows.worker("claimer");
        // statistics of a queue that was just emptied, then the burst
        rows.jobs("earlier", PENDING, connection, query);
        rows.jdbc().update("DELETE FROM monitoring.WorkerJobs");
        rows.jdbc().execute("VACUUM ANALYZE monitoring.WorkerJobs");
        rows.jobs("burst", PENDING, connection, query);

        SingleConnectionDataSource session = new SingleConnectionDataSource(fresh.getConnection(), true);
        try {
            NamedParameterJdbcTemplate sql = new NamedParameterJdbcTemplate(session);
            Map<String, Object> params = Map.of("WorkerInstanceId", worker, "LeaseSeconds", 60, "BatchSize", 10);

            long before = claimIndexEntriesRead(session);
            List<Map<String, Object>> claimed = sql.queryForList(StoreStatements.text(StoreDialect.POSTGRESQL, "claim-jobs"), params);
            long byTheClaim = claimIndexEntriesRead(session) - before;

            before = claimIndexEntriesRead(session);
            List<Map<String, Object>> plainlyClaimed = sql.queryForList(PLAIN_CLAIM, params);
            long byThePlainUpdate = claimIndexEntriesRead(session) - before;

            assertThat(claimed).hasSize(10);
            assertThat(plainlyClaimed).hasSize(10);
            assertThat(byTheClaim).as("claim index entries read by claim-jobs.sql").isLessThan(100);
            assertThat(byThePlainUpdate).as("claim index entries read by the same claim as a plain UPDATE").isGreaterThan(PENDING / 2);
            List<Object> ids = new ArrayList<>(claimed.stream().map(r -> r.get("jobid")).toList());
            ids.addAll(plainlyClaimed.stream().map(r -> r.get("jobid")).toList());
            assertThat(ids).doesNotHaveDuplicates();
        } finally {
            session.destroy();
        }
    }

    /** This session's reads of the claim index so far, once its counts are flushed to the server's statistics. */
    private static long claimIndexEntriesRead(DataSource session) {
        JdbcTemplate jdbc = new JdbcTemplate(session);
        // the flush happens when the session goes idle after this statement
        jdbc.execute("SELECT pg_stat_force_next_flush()");
        jdbc.execute("SELECT pg_stat_clear_snapshot()");
        Long read = jdbc.queryForObject("SELECT idx_tup_read FROM pg_stat_user_indexes WHERE schemaname = 'monitoring' "
                + "AND indexrelname = 'ix_workerjobs_claim'", Long.class);
        return read == null ? 0 : read;
    }
}
