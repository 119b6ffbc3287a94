package dev.monitoringworker.support;

import dev.monitoringworker.store.Row;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** The store as a DBA sees it: plain SQL inserts and selects on the monitoring schema. */
public final class Store {

    private final JdbcTemplate jdbc;

    public Store(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    public UUID connection(String name, String provider, String connectionString, String environment, int connectTimeoutSeconds) {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO monitoring.DatabaseConnections (ConnectionId, ConnectionName, Provider, ConnectionString, Environment, ConnectionTimeoutSeconds) VALUES (?, ?, ?, ?, ?, ?)",
                id, name, provider, connectionString, environment, connectTimeoutSeconds);
        return id;
    }

    public UUID query(String name, String provider, String sql, String resultType, Double warning, Double critical, String operator,
                      Integer timeoutSeconds, int maxRows, boolean allowWrite) {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO monitoring.DatabaseQueries (QueryId, QueryName, QueryType, SqlQuery, ResultType, Provider, WarningThreshold, CriticalThreshold, ComparisonOperator, TimeoutSeconds, MaxRows, AllowWrite) "
                        + "VALUES (?, ?, 'Custom', ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, name, sql, resultType, provider, warning, critical, operator, timeoutSeconds, maxRows, allowWrite);
        return id;
    }

    /** A Running worker row (heartbeat now, UTC) that claims can name as runner. */
    public UUID worker(String name) {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO monitoring.WorkerInstances (WorkerInstanceId, WorkerName, MachineName, Status, LastHeartbeatAt) "
                + "VALUES (?, ?, 'host', 'Running', ?)", id, name, LocalDateTime.now(ZoneOffset.UTC));
        return id;
    }

    public UUID job(String name, UUID connectionId, UUID queryId, String environment, int maxAttempts) {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO monitoring.WorkerJobs (JobId, JobType, JobName, Priority, ConnectionId, QueryId, Environment, MaxAttempts) VALUES (?, 'DatabaseMonitoring', ?, 3, ?, ?, ?, ?)",
                id, name, connectionId, queryId, environment, maxAttempts);
        return id;
    }

    /** Inserts {@code count} jobs for one (connection, query) in one batch, named "{prefix} 0", "{prefix} 1", ... */
    public void jobs(String prefix, int count, UUID connectionId, UUID queryId) {
        List<Object[]> rows = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new Object[]{UUID.randomUUID(), prefix + " " + i, connectionId, queryId});
        }
        jdbc.batchUpdate("INSERT INTO monitoring.WorkerJobs (JobId, JobName, ConnectionId, QueryId) VALUES (?, ?, ?, ?)", rows);
    }

    public Row jobRow(UUID jobId) {
        return Row.of(jdbc.queryForMap("SELECT * FROM monitoring.WorkerJobs WHERE JobId = ?", jobId));
    }

    public Row awaitJob(UUID jobId, String status, Duration within) {
        await().atMost(within).pollInterval(Duration.ofMillis(100))
                .until(() -> status.equals(jobRow(jobId).string("Status")));
        return jobRow(jobId);
    }

    /** Runs one job of the (connection, query) pair, due now, and returns its one result (within a minute). */
    public Row runOnce(UUID connectionId, UUID queryId, String name) {
        return runOnce(connectionId, queryId, name, Duration.ofSeconds(60));
    }

    /** Runs one job of the (connection, query) pair, due now, and returns its one result. */
    public Row runOnce(UUID connectionId, UUID queryId, String name, Duration within) {
        UUID job = job(name, connectionId, queryId, null, 1);
        awaitJob(job, "Succeeded", within);
        Map<String, Row> results = results(job);
        if (results.size() != 1) {
            throw new AssertionError("job '" + name + "' wrote " + results.size() + " results, not 1: " + results.keySet());
        }
        return results.values().iterator().next();
    }

    /** A column of the pair's latest result. */
    public <T> T latest(UUID connectionId, UUID queryId, String column, Class<T> type) {
        return jdbc.queryForObject("SELECT " + column + " FROM monitoring.DatabaseMonitoringResults WHERE ConnectionId = ? AND QueryId = ? "
                + "ORDER BY ExecutedAt DESC LIMIT 1", type, connectionId, queryId);
    }

    /** The job's results keyed "connection/query". */
    public Map<String, Row> results(UUID jobId) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT c.ConnectionName, q.QueryName, r.* FROM monitoring.DatabaseMonitoringResults r "
                        + "JOIN monitoring.DatabaseConnections c ON c.ConnectionId = r.ConnectionId "
                        + "JOIN monitoring.DatabaseQueries q ON q.QueryId = r.QueryId WHERE r.JobId = ?", jobId);
        Map<String, Row> byPair = new java.util.TreeMap<>();
        for (Map<String, Object> raw : rows) {
            Row row = Row.of(raw);
            if (byPair.put(row.string("ConnectionName") + "/" + row.string("QueryName"), row) != null) {
                throw new AssertionError("two results for one (job, connection, query): " + raw);
            }
        }
        return byPair;
    }
}
