package dev.monitoringworker.it;

import dev.monitoringworker.support.ApiClient;
import dev.monitoringworker.support.SqlServerDatabases;
import dev.monitoringworker.support.TestKeyRings;
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
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The jar as it ships with the sqlserver profile on a fresh SQL Server database: the seeded Connection Test
 * writes Ok results for a SqlServer connection, and the log holds no ERROR line. (CrashIT starts the jar
 * on a PostgreSQL store given by its URL alone.)
 */
class PackagedJarStoreIT {

    @Test
    void theSqlserverProfileOnAFreshDatabaseWritesOkResultsForASqlServerConnection(@TempDir Path dir) throws Exception {
        SqlServerDatabases.Server server = SqlServerDatabases.server();
        String storeUrl = SqlServerDatabases.newDatabase("jarstore");
        String targetUrl = SqlServerDatabases.newDatabase("jartarget");
        Path ring = TestKeyRings.write(dir);
        Path log = dir.resolve("worker.log");
        Map<String, Object> properties = new HashMap<>(ports());
        properties.putAll(TestUsers.properties("ada", "admin"));
        properties.put("spring.profiles.active", "sqlserver");
        properties.put("spring.datasource.url", storeUrl);
        properties.put("spring.datasource.username", server.username());
        properties.put("spring.datasource.password", server.password());
        properties.put("monitoring.security.key-ring-file", ring);
        properties.put("monitoring.worker.name", "jar-on-sqlserver");
        properties.put("monitoring.worker.drain-seconds", 1);
        try (WorkerProcess ignored = WorkerProcess.startJar(log, properties)) {
            JdbcTemplate db = new JdbcTemplate(SqlServerDatabases.dataSource(storeUrl));
            awaitRunning(db, "jar-on-sqlserver", log);
            URI address = URI.create(server.url().substring(5).split(";")[0]);
            ApiClient api = new ApiClient("http://localhost:" + properties.get("server.port"));
            String id = api.call("POST", "/api/v1/connections", "{\"connectionName\":\"tds\",\"provider\":\"SqlServer\",\"connectionString\":\"Server="
                    + address.getHost() + "," + address.getPort() + ";Database=" + SqlServerDatabases.databaseName(targetUrl) + ";User Id="
                    + server.username() + ";Password=" + server.password() + ";Encrypt=False;TrustServerCertificate=True\"}", "ada", 201)
                    .get("connectionId").asText();
            // the seeded Connection Test, now rather than at the connection's first schedule slot (within 60 s)
            api.call("POST", "/api/v1/jobs", "{\"connectionId\":\"" + id + "\",\"priority\":1}", "ada", 201);
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
