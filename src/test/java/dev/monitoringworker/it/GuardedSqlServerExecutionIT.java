package dev.monitoringworker.it;

import dev.monitoringworker.store.Row;
import dev.monitoringworker.support.SqlServerDatabases;
import dev.monitoringworker.support.Store;
import dev.monitoringworker.support.WorkerApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The execution envelope on a SQL Server target (the TDS engine here): several statements without semicolons are
 * refused before they run, a write without AllowWrite is rolled back, the timeout ends a slow statement, and the row
 * cap neither cuts what a writing statement changes nor reads more than MaxRows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GuardedSqlServerExecutionIT {

    private ConfigurableApplicationContext app;
    private Store store;
    private JdbcTemplate target;
    private UUID tds;

    @BeforeEach
    void start() {
        if (app != null) {
            return;
        }
        SqlServerDatabases.Server server = SqlServerDatabases.server();
        String targetUrl = SqlServerDatabases.newDatabase("guarded");
        target = new JdbcTemplate(SqlServerDatabases.dataSource(targetUrl));
        target.execute("CREATE TABLE dbo.t (v INT)");
        target.update("INSERT INTO dbo.t VALUES (1)");
        target.execute("CREATE TABLE dbo.nums (v INT)");
        target.update("INSERT INTO dbo.nums SELECT TOP (100) ROW_NUMBER() OVER (ORDER BY (SELECT NULL)) FROM sys.all_columns");
        app = WorkerApp.start("jdbc:h2:mem:guarded-tds-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", Map.of());
        store = new Store(app.getBean(DataSource.class));
        URI address = URI.create(server.url().substring(5).split(";")[0]);
        tds = store.connection("tds", "SqlServer", "Server=" + address.getHost() + "," + address.getPort() + ";Database="
                + SqlServerDatabases.databaseName(targetUrl) + ";User Id=" + server.username() + ";Password=" + server.password()
                + ";Encrypt=False;TrustServerCertificate=True", "guarded", 5);
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private Row run(String name, String sql, String type, Integer timeout, int maxRows, boolean allowWrite) {
        UUID query = store.query(name + "-" + UUID.randomUUID(), "SqlServer", sql, type, null, null, null, timeout, maxRows, allowWrite);
        UUID job = store.job(name, tds, query, null, 1);
        store.awaitJob(job, "Succeeded", Duration.ofSeconds(30));
        return store.results(job).values().iterator().next();
    }

    @Test
    void statementsWithoutSemicolonsAreRefusedBeforeTheyRun() {
        for (String sql : new String[]{"SELECT 1 DELETE FROM dbo.t", "SELECT 1; DELETE FROM dbo.t", "SELECT 1 COMMIT DELETE FROM dbo.t"}) {
            Row refused = run("two statements", sql, "Scalar", null, 100, false);
            assertThat(refused.string("Status")).as(sql).isEqualTo("Error");
            assertThat(refused.string("ErrorMessage")).as(sql)
                    .endsWith("SqlQuery holds more than one statement; only a query with AllowWrite = 1 may run several");
        }
        assertThat(target.queryForList("SELECT v FROM dbo.t", Integer.class)).containsExactly(1);
        assertThat(run("one statement", "SELECT MAX(v) FROM dbo.t", "Scalar", null, 100, false).decimal("ResultValue")).isEqualTo(1.0);
    }

    @Test
    void aWriteWithoutAllowWriteIsRolledBack() {
        for (String sql : new String[]{"UPDATE dbo.t SET v = 99", "INSERT INTO dbo.t VALUES (99)", "CREATE TABLE dbo.created_by_monitoring (i INT)"}) {
            run("write", sql, "Scalar", null, 100, false);
        }
        assertThat(target.queryForList("SELECT v FROM dbo.t", Integer.class)).containsExactly(1);
        assertThat(target.queryForObject("SELECT COUNT(*) FROM sys.tables WHERE name = 'created_by_monitoring'", Integer.class)).isZero();
        Row read = run("read after", "SELECT COUNT(*) FROM dbo.t", "Scalar", null, 100, false);
        assertThat(read.decimal("ResultValue")).as("the pooled connection is clean again").isEqualTo(1.0);
    }

    @Test
    void aSlowStatementEndsAsTimeout() {
        // ten billion rows to count (the TDS engine has no WAITFOR): the statement timeout cancels it
        Row slow = run("counts", "SELECT COUNT_BIG(*) FROM dbo.nums a CROSS JOIN dbo.nums b CROSS JOIN dbo.nums c CROSS JOIN dbo.nums d "
                + "CROSS JOIN dbo.nums e", "Scalar", 1, 100, false);
        assertThat(slow.string("Status")).as(slow.string("ErrorMessage")).isEqualTo("Timeout");
        assertThat(slow.integer("DurationMs")).isLessThan(5000);
        assertThat(run("after the timeout", "SELECT 5", "Scalar", 1, 100, false).decimal("ResultValue")).isEqualTo(5.0);
    }

    @Test
    void theRowCapReadsAtMostMaxRowsAndNeverCutsWhatAStatementChanges() {
        Row capped = run("many rows", "SELECT v FROM dbo.nums ORDER BY v", "DataSet", null, 5, false);
        assertThat(capped.decimal("ResultValue")).isEqualTo(5.0);
        assertThat(capped.string("Details")).contains("\"truncated\":true").contains("truncated at MaxRows=5");

        target.execute("CREATE TABLE dbo.copied (v INT)");
        Row copied = run("copy", "INSERT INTO dbo.copied SELECT v FROM dbo.nums", "NonQuery", null, 5, true);
        assertThat(copied.string("Status")).isEqualTo("Ok");
        assertThat(copied.decimal("ResultValue")).as("rows the INSERT touched").isEqualTo(100.0);
        assertThat(target.queryForObject("SELECT COUNT(*) FROM dbo.copied", Integer.class)).isEqualTo(100);
    }
}
