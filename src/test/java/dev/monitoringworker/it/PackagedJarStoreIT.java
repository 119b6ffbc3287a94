package dev.monitoringworker.it;

import dev.monitoringworker.support.ApiClient;
import dev.monitoringworker.support.SqlServerDatabases;
import dev.monitoringworker.support.Store;
import dev.monitoringworker.support.TestDatabases;
import dev.monitoringworker.support.TestUsers;
import dev.monitoringworker.support.WorkerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The jar as it ships, on a store other than the embedded one: chosen by its URL alone (no profile), and with the
 * sqlserver profile on a fresh SQL Server database, where the seeded Connection Test's schedule writes Ok results
 * for a SqlServer connection. Neither log holds an ERROR line.
 */
class PackagedJarStoreIT {

    @Test
    void aPostgresqlUrlAloneIsEnoughToStart(@TempDir Path dir) throws Exception {
        String storeUrl = TestDatabases.newPostgresDatabase("byurl");
        String targetUrl = TestDatabases.newPostgresDatabase("byurltarget");
        Path log = dir.resolve("worker.log");
        Map<String, Object> properties = new HashMap<>(ports());
        properties.put("spring.datasource.url", storeUrl);
        properties.put("spring.datasource.username", "postgres");
        properties.put("monitoring.worker.name", "by-url");
        try (WorkerProcess ignored = WorkerProcess.startJar(log, properties)) {
            JdbcTemplate db = new JdbcTemplate(TestDatabases.postgresDataSource(storeUrl));
            awaitRunning(db, "by-url", log);
            Store store = new Store(db.getDataSource());
            UUID target = store.connection("pg-target", "PostgreSQL", targetUrl, "it", 5);
            UUID job = store.job("by url", target, null, null, 1);
            store.awaitJob(job, "Succeeded", Duration.ofSeconds(60));
            assertThat(store.results(job).get("pg-target/Connection Test").string("Status")).isEqualTo("Ok");
            assertThat(db.queryForList("SELECT ConnectionName FROM monitoring.DatabaseConnections", String.class))
                    .as("no demo connection on a PostgreSQL store").containsExactly("pg-target");
        }
        assertThat(errors(log)).isEmpty();
    }

    @Test
    void theSqlserverProfileOnAFreshDatabaseWritesOkResultsForASqlServerConnection(@TempDir Path dir) throws Exception {
        SqlServerDatabases.Server server = SqlServerDatabases.server();
        String storeUrl = SqlServerDatabases.newDatabase("jarstore");
        String targetUrl = SqlServerDatabases.newDatabase("jartarget");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path ring = Files.writeString(dir.resolve("key-ring"), "k1=" + Base64.getEncoder().encodeToString(key) + "\nactive=k1\n");
        Path log = dir.resolve("worker.log");
        Map<String, Object> properties = new HashMap<>(ports());
        properties.putAll(TestUsers.properties("ada", "admin"));
        properties.put("spring.profiles.active", "sqlserver");
        properties.put("spring.datasource.url", storeUrl);
        properties.put("spring.datasource.username", server.username());
        properties.put("spring.datasource.password", server.password());
        properties.put("monitoring.security.key-ring-file", ring);
        properties.put("monitoring.worker.name", "jar-on-sqlserver");
        try (WorkerProcess ignored = WorkerProcess.startJar(log, properties)) {
            JdbcTemplate db = new JdbcTemplate(SqlServerDatabases.dataSource(storeUrl));
            awaitRunning(db, "jar-on-sqlserver", log);
            URI address = URI.create(server.url().substring(5).split(";")[0]);
            ApiClient api = new ApiClient("http://localhost:" + properties.get("server.port"));
            String id = api.call("POST", "/api/v1/connections", "{\"connectionName\":\"tds\",\"provider\":\"SqlServer\",\"connectionString\":\"Server="
                    + address.getHost() + "," + address.getPort() + ";Database=" + SqlServerDatabases.databaseName(targetUrl) + ";User Id="
                    + server.username() + ";Password=" + server.password() + ";Encrypt=False;TrustServerCertificate=True\"}", "ada", 201)
                    .get("connectionId").asText();
            // the seeded Connection Test runs every 60 s on every enabled connection
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).until(() -> db.queryForObject(
                    "SELECT COUNT(*) FROM monitoring.DatabaseMonitoringResults WHERE ConnectionId = ? AND Status = N'Ok'", Integer.class, id) > 0);
        }
        assertThat(errors(log)).isEmpty();
    }

    private static void awaitRunning(JdbcTemplate db, String worker, Path log) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
            try {
                return db.queryForObject("SELECT COUNT(*) FROM monitoring.WorkerInstances WHERE WorkerName = ? AND Status = 'Running'",
                        Integer.class, worker) == 1;
            } catch (org.springframework.dao.DataAccessException notYetMigrated) {
                assertThat(errors(log)).as("the worker's log while it starts").isEmpty();
                return false;
            }
        });
    }

    private static List<String> errors(Path log) throws IOException {
        return Files.readAllLines(log).stream().filter(line -> line.contains(" ERROR ")).toList();
    }

    private static Map<String, Object> ports() throws IOException {
        try (ServerSocket a = new ServerSocket(0); ServerSocket b = new ServerSocket(0)) {
            return Map.of("server.port", a.getLocalPort(), "management.server.port", b.getLocalPort());
        }
    }
}
