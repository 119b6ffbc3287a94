package dev.monitoringworker.it;

import dev.monitoringworker.support.FlakyDataSource;
import dev.monitoringworker.support.Store;
import dev.monitoringworker.support.TestDatabases;
import dev.monitoringworker.support.WorkerApp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two workers whose store calls fail 5% of the time at connect, before commit and after commit (the store
 * committed, the worker never heard): every job still ends Succeeded with exactly one result, on its first
 * attempt. The unclear commits are what the fenced, idempotent writes are for. A batch's write is one transaction
 * of about a dozen calls, tried again as a whole: at 5% a try gets through about half the time, so its 21 tries
 * practically always do.
 * Sized by -Dflaky.jobs (default 300).
 */
class FlakyStoreIT {

    static final int JOBS = Integer.getInteger("flaky.jobs", 300);

    /** Puts the application's store pool behind a {@link FlakyDataSource}, off until the test switches it on. */
    @Configuration(proxyBeanMethods = false)
    static class FlakyStore {
        @Bean
        static BeanPostProcessor flakyStorePool() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return name.equals("dataSource") && bean instanceof DataSource store ? new FlakyDataSource(store, 0.05) : bean;
                }
            };
        }
    }

    @Test
    void everyJobCompletesOnceThroughAStoreThatFailsOneCallInTwenty() {
        String storeUrl = TestDatabases.newPostgresDatabase("flakystore");
        String targetUrl = TestDatabases.newPostgresDatabase("flakytarget");
        // a batch's write fails here about every other try: 20 tries keep even a run of bad luck within one
        // attempt, where the default 10 is meant for stores that fail now and then
        Map<String, Object> retries = Map.of("monitoring.store.retries", 20);
        try (ConfigurableApplicationContext one = WorkerApp.start(storeUrl, "postgres", "", retries, FlakyStore.class);
             ConfigurableApplicationContext two = WorkerApp.start(storeUrl, "postgres", "", retries, FlakyStore.class)) {
            Store store = new Store(TestDatabases.postgresDataSource(storeUrl));
            store.jdbc().update("UPDATE monitoring.DatabaseQueries SET IsEnabled = false WHERE QueryName = 'Connection Test'");
            UUID connection = store.connection("flaky target", "PostgreSQL", targetUrl, "flaky", 5);
            UUID query = store.query("select one", "PostgreSQL", "SELECT 1", "Scalar", null, null, null, 5, 10, false);
            List<FlakyDataSource> flaky = List.of(one.getBean("dataSource", FlakyDataSource.class), two.getBean("dataSource", FlakyDataSource.class));
            flaky.forEach(FlakyDataSource::switchOn);
            long started = System.nanoTime();
            store.jobs("flaky job", JOBS, connection, query);

            await().atMost(Duration.ofSeconds(90 + JOBS / 5)).pollInterval(Duration.ofMillis(250)).until(() -> store.jdbc().queryForObject(
                    "SELECT COUNT(*) FROM monitoring.WorkerJobs WHERE QueryId = ? AND Status IN ('Succeeded', 'Failed')", Integer.class, query) == JOBS);
            double seconds = (System.nanoTime() - started) / 1e9;
            // a fast drain may commit too few times on one worker to meet a failure after commit: the faults stay on
            // until each worker has met one (its heartbeats and timers keep committing), so both paths are exercised
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> flaky.stream().allMatch(f -> f.afterCommitFailures() > 0));
            flaky.forEach(FlakyDataSource::switchOff);

            Map<String, Object> attempts = store.jdbc().queryForMap("SELECT COUNT(*) FILTER (WHERE Attempt = 1) AS first, "
                    + "COUNT(*) FILTER (WHERE Attempt > 1) AS later, MAX(Attempt) AS most FROM monitoring.WorkerJobs WHERE QueryId = ?", query);
            System.out.printf("flaky store: %d jobs in %.1f s; worker 1 saw %s, worker 2 saw %s; attempts: %s%n",
                    JOBS, seconds, flaky.get(0).counts(), flaky.get(1).counts(), attempts);
            assertThat(store.jdbc().queryForObject("SELECT COUNT(*) FROM monitoring.WorkerJobs WHERE QueryId = ? AND Status = 'Succeeded'",
                    Integer.class, query)).isEqualTo(JOBS);
            assertThat(store.jdbc().queryForObject("SELECT COUNT(*) FROM monitoring.DatabaseMonitoringResults WHERE QueryId = ?",
                    Integer.class, query)).as("one result per job, none twice").isEqualTo(JOBS);
            assertThat(store.jdbc().queryForObject("SELECT COUNT(DISTINCT JobId) FROM monitoring.DatabaseMonitoringResults WHERE QueryId = ?",
                    Integer.class, query)).isEqualTo(JOBS);
            assertThat(((Number) attempts.get("most")).intValue()).as("store flakiness costs no job an attempt").isEqualTo(1);
        }
    }
}
