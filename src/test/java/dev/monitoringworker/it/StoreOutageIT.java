package dev.monitoringworker.it;

import dev.monitoringworker.support.Store;
import dev.monitoringworker.support.TestDatabases;
import dev.monitoringworker.support.WorkerApp;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The store's PostgreSQL stops for 10 seconds mid-run and comes back: the workers stay up, say they are not
 * ready meanwhile, resume claiming by themselves, and every job ends with exactly one result.
 */
class StoreOutageIT {

    private static final int JOBS = Integer.getInteger("outage.jobs", 300);

    @Test
    void workersRideOutAStoreOutage(@TempDir Path data) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        EmbeddedPostgres storeServer = EmbeddedPostgres.builder().setPort(port).setDataDirectory(data).setCleanDataDirectory(false).start();
        String url = "jdbc:postgresql://localhost:" + port + "/postgres";
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url, "postgres", ""));
        String targetUrl = TestDatabases.newPostgresDatabase("outagetarget");
        List<ConfigurableApplicationContext> workers = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                workers.add(WorkerApp.start(url, "postgres", "", Map.of("spring.datasource.hikari.connection-timeout", 2000,
                        "monitoring.jobs.lease-seconds", 5, "monitoring.reaper.dead-after-seconds", 30)));
            }
            Store store = new Store(jdbc.getDataSource());
            UUID connection = store.connection("outage target", "PostgreSQL", targetUrl, "outage", 5);
            UUID query = store.query("steady", "PostgreSQL", "SELECT 1 FROM pg_sleep(0.02)", "Scalar", null, null, null, null, 10, false);
            store.jobs("outage job", JOBS, connection, query);
            String succeeded = "SELECT COUNT(*) FROM monitoring.WorkerJobs WHERE QueryId = ? AND Status = 'Succeeded'";
            await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(succeeded, Integer.class, query) >= JOBS / 5);

            String readiness = "http://localhost:" + workers.get(0).getEnvironment().getProperty("local.management.port") + "/actuator/health/readiness";
            assertThat(status(readiness)).isEqualTo(200);
            storeServer.close();
            long down = System.nanoTime();
            await().atMost(Duration.ofSeconds(8)).until(() -> status(readiness) == 503);
            await().pollDelay(Duration.ofSeconds(10).minusNanos(System.nanoTime() - down)).atMost(Duration.ofSeconds(11)).until(() -> true);
            storeServer = EmbeddedPostgres.builder().setPort(port).setDataDirectory(data).setCleanDataDirectory(false).start();

            await().atMost(Duration.ofSeconds(30)).until(() -> status(readiness) == 200);
            await().atMost(Duration.ofSeconds(90 + JOBS / 10)).pollInterval(Duration.ofMillis(500))
                    .until(() -> jdbc.queryForObject(succeeded, Integer.class, query) == JOBS);
            assertThat(workers).allSatisfy(w -> assertThat(w.isActive()).isTrue());
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM monitoring.DatabaseMonitoringResults WHERE QueryId = ?", Integer.class, query))
                    .as("one result per job").isEqualTo(JOBS);
            assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT JobId) FROM monitoring.DatabaseMonitoringResults WHERE QueryId = ?", Integer.class, query))
                    .isEqualTo(JOBS);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM monitoring.WorkerInstances WHERE Status = 'Running'", Integer.class)).isEqualTo(2);
        } finally {
            workers.forEach(ConfigurableApplicationContext::close);
            storeServer.close();
        }
    }

    private static int status(String url) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }
}
