package dev.monitoringworker.it;

import dev.monitoringworker.store.Row;
import dev.monitoringworker.support.Store;
import dev.monitoringworker.support.TestDatabases;
import dev.monitoringworker.support.WorkerApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The execution envelope on real PostgreSQL and MariaDB targets: monitoring SQL cannot change data unless
 * the query says AllowWrite, runs no longer than its timeout, and reads no more than MaxRows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GuardedExecutionIT {

    private ConfigurableApplicationContext app;
    private Store store;
    private JdbcTemplate pgTarget;
    private JdbcTemplate mariaTarget;
    private UUID pg;
    private UUID maria;

    @BeforeAll
    void start() {
        String pgUrl = TestDatabases.newPostgresDatabase("guarded");
        pgTarget = new JdbcTemplate(TestDatabases.postgresDataSource(pgUrl));
        pgTarget.execute("CREATE TABLE t (v INT)");
        pgTarget.update("INSERT INTO t VALUES (1)");
        String mariaUrl = TestDatabases.newMariaDbDatabase("guarded");
        mariaTarget = new JdbcTemplate(TestDatabases.mariaDbDataSource(mariaUrl));
        mariaTarget.execute("CREATE TABLE t (v INT)");
        mariaTarget.update("INSERT INTO t VALUES (1)");
        app = WorkerApp.start("jdbc:h2:mem:guarded-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", Map.of());
        store = new Store(app.getBean(DataSource.class));
        pg = store.connection("pg", "PostgreSQL", pgUrl, "guarded", 5);
        maria = store.connection("maria", "MySQL", mariaUrl + "?user=root", "guarded", 5);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private Row run(UUID connection, String name, String sql, String type, Integer timeout, int maxRows, boolean allowWrite) {
        UUID query = store.query(name + "-" + UUID.randomUUID(), null, sql, type, null, null, null, timeout, maxRows, allowWrite);
        UUID job = store.job(name, connection, query, null, 1);
        store.awaitJob(job, "Succeeded", Duration.ofSeconds(30));
        return store.results(job).values().iterator().next();
    }

    @Test
    void writesThroughAMonitoringQueryFailReadOnlyAndChangeNothing() {
        for (String sql : new String[]{"INSERT INTO t VALUES (99)", "UPDATE t SET v = 99", "CREATE TABLE created_by_monitoring (i INT)"}) {
            Row onPg = run(pg, "pg write", sql, "Scalar", null, 100, false);
            assertThat(onPg.string("Status")).isEqualTo("Error");
            assertThat(onPg.string("ErrorMessage")).contains("read-only transaction").contains("SQLState 25006");
            Row onMaria = run(maria, "maria write", sql, "Scalar", null, 100, false);
            assertThat(onMaria.string("Status")).isEqualTo("Error");
            assertThat(onMaria.string("ErrorMessage")).containsIgnoringCase("read only").contains("SQLState 25006");
        }
        assertThat(pgTarget.queryForList("SELECT v FROM t", Integer.class)).containsExactly(1);
        assertThat(mariaTarget.queryForList("SELECT v FROM t", Integer.class)).containsExactly(1);
        assertThat(pgTarget.queryForObject("SELECT to_regclass('created_by_monitoring') IS NULL", Boolean.class)).isTrue();
        assertThat(mariaTarget.queryForObject("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'created_by_monitoring'",
                Integer.class)).isZero();
    }

    @Test
    void aQueryWithAllowWriteCommitsAndAReadOnlyRunLeavesThePoolWritable() {
        mariaTarget.execute("CREATE TABLE audit_log (i INT)");
        assertThat(run(maria, "maria read", "SELECT v FROM t", "Scalar", null, 100, false).string("Status")).isEqualTo("Ok");
        Row inserted = run(maria, "maria allowed insert", "INSERT INTO audit_log VALUES (7)", "NonQuery", null, 100, true);
        assertThat(inserted.string("Status")).isEqualTo("Ok");
        assertThat(inserted.decimal("ResultValue")).isEqualTo(1.0);
        assertThat(mariaTarget.queryForList("SELECT i FROM audit_log", Integer.class)).containsExactly(7);
    }

    @Test
    void aNonQueryWithoutAllowWriteIsRefusedBeforeItRuns() {
        Row refused = run(pg, "pg nonquery", "DELETE FROM t", "NonQuery", null, 100, false);
        assertThat(refused.string("ErrorMessage")).endsWith("ResultType NonQuery changes data and needs AllowWrite = 1");
        assertThat(pgTarget.queryForList("SELECT v FROM t", Integer.class)).containsExactly(1);
    }

    @Test
    void severalStatementsAreRefusedBeforeExecution() {
        Row onPg = run(pg, "pg two statements", "SELECT 1; DELETE FROM t", "Scalar", null, 100, false);
        assertThat(onPg.string("ErrorMessage")).endsWith("SqlQuery holds more than one statement; only a query with AllowWrite = 1 may run several");
        Row onMaria = run(maria, "maria two statements", "SELECT 1; DELETE FROM t", "Scalar", null, 100, false);
        assertThat(onMaria.string("Status")).isEqualTo("Error");
        assertThat(pgTarget.queryForList("SELECT v FROM t", Integer.class)).containsExactly(1);
        assertThat(mariaTarget.queryForList("SELECT v FROM t", Integer.class)).containsExactly(1);
    }

    @Test
    void aSlowStatementEndsAsTimeoutWithinTheLimitAndThePoolStaysHealthy() {
        Row slowPg = run(pg, "pg sleep", "SELECT pg_sleep(20)", "Scalar", 1, 100, false);
        assertThat(slowPg.string("Status")).isEqualTo("Timeout");
        assertThat(slowPg.integer("DurationMs")).isLessThan(3000);
        Row slowMaria = run(maria, "maria sleep", "SELECT SLEEP(20) FROM DUAL", "Scalar", 1, 100, false);
        assertThat(slowMaria.string("Status")).isEqualTo("Timeout");
        assertThat(slowMaria.integer("DurationMs")).isLessThan(3000);
        assertThat(run(pg, "pg after", "SELECT 5", "Scalar", 1, 100, false).decimal("ResultValue")).isEqualTo(5.0);
        assertThat(run(maria, "maria after", "SELECT 6", "Scalar", 1, 100, false).decimal("ResultValue")).isEqualTo(6.0);
    }

    @Test
    void aStatementThatIgnoresItsTimeoutIsGivenUpByTheRoute() {
        // an H2 function that parks its thread cannot be cancelled by the driver: only the route's deadline ends the run
        String url = "jdbc:h2:mem:stalling-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        new JdbcTemplate(new org.springframework.jdbc.datasource.DriverManagerDataSource(url, "sa", ""))
                .execute("CREATE ALIAS STALL FOR 'java.util.concurrent.locks.LockSupport.parkNanos(long)'");
        UUID h2 = store.connection("stalling", "H2", url + ";USER=sa", "guarded", 1);
        Row stalled = run(h2, "stall", "SELECT STALL(8000000000)", "Scalar", 1, 100, false);
        assertThat(stalled.string("Status")).isEqualTo("Timeout");
        assertThat(stalled.string("ErrorMessage")).isEqualTo("connection 'stalling', query '" + stalled.string("QueryName")
                + "': no answer within 4 s (statement timeout + connect timeout + 2 s); the route gave the run up and will discard its late answer");
        assertThat(stalled.integer("DurationMs")).isBetween(3500, 7000);
    }

    @Test
    void aHundredThousandRowDataSetIsCappedAtMaxRowsAndFlagged() {
        Row onPg = run(pg, "pg many rows", "SELECT g FROM generate_series(1, 100000) g", "DataSet", null, 50, false);
        assertThat(onPg.decimal("ResultValue")).isEqualTo(50.0);
        assertThat(onPg.string("Details")).contains("\"truncated\":true").contains("truncated at MaxRows=50");
        Row onMaria = run(maria, "maria many rows", "SELECT seq FROM seq_1_to_100000", "DataSet", null, 50, false);
        assertThat(onMaria.decimal("ResultValue")).isEqualTo(50.0);
        assertThat(onMaria.string("Details")).contains("\"truncated\":true");
    }
}
