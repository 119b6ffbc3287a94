package dev.monitoringworker.it;

import dev.monitoringworker.store.Row;
import dev.monitoringworker.support.Store;
import dev.monitoringworker.support.WorkerApp;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The embedded demo on a fresh H2 store: it registers the store as a connection and a queue-depth query scoped to
 * it (Environment Demo), so another H2 connection, which has no such tables, never runs that query.
 */
class DemoIT {

    @Test
    void theDemoQueryRunsOnTheDemoConnectionOnly() {
        String url = "jdbc:h2:mem:demo-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (ConfigurableApplicationContext app = WorkerApp.start(url, "sa", "", Map.of("monitoring.demo.enabled", true))) {
            Store store = new Store(app.getBean(DataSource.class));
            UUID other = store.connection("another h2", "H2", "jdbc:h2:mem:other-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "it", 2);
            await().atMost(Duration.ofSeconds(20)).until(() -> store.jdbc().queryForObject(
                    "SELECT COUNT(*) FROM monitoring.DatabaseQueries WHERE QueryName = 'Demo: pending jobs'", Integer.class) == 1);
            UUID demoQuery = store.jdbc().queryForObject("SELECT QueryId FROM monitoring.DatabaseQueries WHERE QueryName = 'Demo: pending jobs'", UUID.class);
            UUID demoConnection = store.jdbc().queryForObject("SELECT ConnectionId FROM monitoring.DatabaseConnections WHERE ConnectionName = "
                    + "'Embedded demo store'", UUID.class);

            // a job naming the query alone fans out to the connections it applies to: the demo store's only
            UUID job = store.job("demo query everywhere", null, demoQuery, null, 3);
            store.awaitJob(job, "Succeeded", Duration.ofSeconds(30));
            Map<String, Row> results = store.results(job);
            assertThat(results).containsOnlyKeys("Embedded demo store/Demo: pending jobs");
            assertThat(results.get("Embedded demo store/Demo: pending jobs").string("Status")).isEqualTo("Ok");

            // and the schedule enqueues it for the demo store alone
            await().atMost(Duration.ofSeconds(20)).until(() -> store.jdbc().queryForObject(
                    "SELECT COUNT(*) FROM monitoring.WorkerJobs WHERE QueryId = ? AND DedupeKey IS NOT NULL", Integer.class, demoQuery) > 0);
            List<UUID> scheduledOn = store.jdbc().queryForList("SELECT DISTINCT ConnectionId FROM monitoring.WorkerJobs WHERE QueryId = ? "
                    + "AND DedupeKey IS NOT NULL", UUID.class, demoQuery);
            assertThat(scheduledOn).containsExactly(demoConnection).doesNotContain(other);
        }
    }
}
