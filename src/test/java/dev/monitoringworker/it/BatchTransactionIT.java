package dev.monitoringworker.it;

import dev.monitoringworker.store.Row;
import dev.monitoringworker.support.Store;
import dev.monitoringworker.support.TestDatabases;
import dev.monitoringworker.support.WorkerApp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch's outcomes are one transaction however many batch statements it holds: when a late statement of the
 * write fails (here a PostgreSQL store trigger refuses the row), nothing of the batch stays, not the completion,
 * not the results, not the alert states; the job's attempt is recorded as failed instead, naming the store's error.
 */
class BatchTransactionIT {

    @ParameterizedTest(name = "a refused row in {0}")
    @ValueSource(strings = {"DatabaseMonitoringResults", "AlertStates"})
    void aWriteThatFailsLateLeavesNothingOfTheBatch(String refusingTable) throws Exception {
        String storeUrl = TestDatabases.newPostgresDatabase("batchtx");
        String targetUrl = TestDatabases.newPostgresDatabase("batchtxtarget");
        try (ConfigurableApplicationContext worker = WorkerApp.start(storeUrl, "postgres", "", Map.of("monitoring.store.retries", 1))) {
            Store store = new Store(TestDatabases.postgresDataSource(storeUrl));
            store.jdbc().execute("CREATE FUNCTION monitoring.refuse_row() RETURNS trigger LANGUAGE plpgsql AS "
                    + "$$ BEGIN RAISE EXCEPTION 'row refused by the test''s trigger'; END $$");
            store.jdbc().execute("CREATE TRIGGER refuse_row BEFORE INSERT ON monitoring." + refusingTable
                    + " FOR EACH ROW EXECUTE FUNCTION monitoring.refuse_row()");
            store.jdbc().update("UPDATE monitoring.DatabaseQueries SET IsEnabled = false WHERE QueryName = 'Connection Test'");
            UUID connection = store.connection("batch target", "PostgreSQL", targetUrl, "it", 5);
            UUID query = store.query("with thresholds", "PostgreSQL", "SELECT 1", "Scalar", 50.0, 90.0, "GreaterThan", 5, 10, false);
            UUID job = store.job("refused", connection, query, null, 1);

            Row row = store.awaitJob(job, "Failed", Duration.ofSeconds(60));
            assertThat(row.string("LastError")).contains("outcome not written").contains("row refused by the test's trigger");
            assertThat(row.string("ResultSummary")).as("no completion of the batch stays").isNull();
            assertThat(store.jdbc().queryForObject("SELECT COUNT(*) FROM monitoring.DatabaseMonitoringResults WHERE JobId = ?", Integer.class, job))
                    .as("no result of the batch stays").isZero();
            assertThat(store.jdbc().queryForObject("SELECT COUNT(*) FROM monitoring.AlertStates WHERE ConnectionId = ? AND QueryId = ?",
                    Integer.class, connection, query)).as("no alert state of the batch stays").isZero();

            // the same pair written once the store takes its rows: completion, result and alert state together
            store.jdbc().execute("DROP TRIGGER refuse_row ON monitoring." + refusingTable);
            UUID again = store.job("accepted", connection, query, null, 1);
            store.awaitJob(again, "Succeeded", Duration.ofSeconds(60));
            assertThat(store.jdbc().queryForObject("SELECT COUNT(*) FROM monitoring.DatabaseMonitoringResults WHERE JobId = ?", Integer.class, again))
                    .isEqualTo(1);
            assertThat(store.jdbc().queryForObject("SELECT COUNT(*) FROM monitoring.AlertStates WHERE ConnectionId = ? AND QueryId = ?",
                    Integer.class, connection, query)).isEqualTo(1);
        }
    }
}
