package dev.monitoringworker.it;

import dev.monitoringworker.support.TestDatabases;
import dev.monitoringworker.support.WorkerApp;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Heartbeats use a connection of their own: a worker whose store pool is exhausted still looks alive. */
class HeartbeatIT {

    @Test
    void heartbeatsGoOnWhileTheStorePoolIsExhausted() throws Exception {
        String url = TestDatabases.newPostgresDatabase("heartbeat");
        JdbcTemplate observer = new JdbcTemplate(TestDatabases.postgresDataSource(url));
        try (ConfigurableApplicationContext app = WorkerApp.start(url, "postgres", "", Map.of(
                "spring.datasource.hikari.maximum-pool-size", 2, "spring.datasource.hikari.connection-timeout", 10000))) {
            String worker = "SELECT MAX(LastHeartbeatAt) FROM monitoring.WorkerInstances WHERE Status = 'Running'";
            await().atMost(Duration.ofSeconds(10)).until(() -> observer.queryForObject(worker, java.sql.Timestamp.class) != null);
            DataSource storePool = app.getBean(DataSource.class);
            try (Connection held = storePool.getConnection(); Connection alsoHeld = storePool.getConnection()) {
                java.sql.Timestamp before = observer.queryForObject(worker, java.sql.Timestamp.class);
                // every connection of the store pool is taken: claims and results wait, heartbeats must not
                await().pollDelay(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(8)).untilAsserted(() ->
                        assertThat(observer.queryForObject(worker, java.sql.Timestamp.class)).isAfter(
                                new java.sql.Timestamp(before.getTime() + 3000)));
                assertThat(held.isValid(1) && alsoHeld.isValid(1)).isTrue();
            }
        }
    }
}
