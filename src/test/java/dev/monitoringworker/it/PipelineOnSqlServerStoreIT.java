package dev.monitoringworker.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.monitoringworker.store.Row;
import dev.monitoringworker.support.ApiClient;
import dev.monitoringworker.support.HttpReceiver;
import dev.monitoringworker.support.ParameterMetadataSpy;
import dev.monitoringworker.support.SqlServerDatabases;
import dev.monitoringworker.support.Store;
import dev.monitoringworker.support.TestKeyRings;
import dev.monitoringworker.support.TestUsers;
import dev.monitoringworker.support.WorkerApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole worker with the sqlserver profile on a fresh database of a SQL Server store (the TDS engine here):
 * migrations, registration, scheduling, claiming; a SqlServer-provider connection (that engine again, written in
 * the seed's ADO.NET form and encrypted by the API) running the seeded Connection Test, a thresholded Scalar and a
 * DataSet; alerts and a notification; the API and the status page's data read from that store. Under the worker, a
 * spy records any statement whose parameters the driver is asked to describe: there is none.
 */
class PipelineOnSqlServerStoreIT {

    private ApiClient api;

    /** Puts the store pool over a {@link ParameterMetadataSpy}. */
    static class SpyOnStore {
        @org.springframework.context.annotation.Bean
        static BeanPostProcessor parameterMetadataSpy() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return name.equals("dataSource") && bean instanceof DataSource store ? new ParameterMetadataSpy(store) : bean;
                }
            };
        }
    }

    @Test
    void monitorsASqlServerTargetFromASqlServerStore(@TempDir Path dir) throws Exception {
        SqlServerDatabases.Server server = SqlServerDatabases.server();
        String storeUrl = SqlServerDatabases.newDatabase("pipeline");
        String targetUrl = SqlServerDatabases.newDatabase("target");
        JdbcTemplate target = new JdbcTemplate(SqlServerDatabases.dataSource(targetUrl));
        target.execute("CREATE TABLE dbo.metrics (name NVARCHAR(50) PRIMARY KEY, value FLOAT)");
        target.update("INSERT INTO dbo.metrics VALUES (N'load', 5)");
        target.execute("CREATE TABLE dbo.orders (id INT PRIMARY KEY, status NVARCHAR(20))");
        target.update("INSERT INTO dbo.orders VALUES (1, N'open'), (2, N'open'), (3, N'shipped')");

        Path ring = TestKeyRings.write(dir);
        try (HttpReceiver receiver = new HttpReceiver()) {
            Map<String, Object> settings = new HashMap<>(TestUsers.properties("vic", "viewer", "ada", "admin"));
            settings.put("spring.profiles.active", "sqlserver");
            settings.put("monitoring.security.key-ring-file", ring.toString());
            settings.put("monitoring.schedule.interval-ms", 500);
            settings.put("monitoring.notify.sinks", "webhook");
            settings.put("monitoring.notify.interval-ms", 200);
            settings.put("monitoring.notify.webhook.url", receiver.url("/hook"));
            try (ConfigurableApplicationContext app = WorkerApp.start(storeUrl, server.username(), server.password(), settings, SpyOnStore.class)) {
                String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
                api = new ApiClient(base);
                Store store = new Store(SqlServerDatabases.dataSource(storeUrl));
                String database = SqlServerDatabases.databaseName(targetUrl);
                URI tds = URI.create(server.url().substring(5).split(";")[0]);

                JsonNode connection = api.call("POST", "/api/v1/connections", "{\"connectionName\":\"tds-target\",\"provider\":\"SqlServer\","
                        + "\"connectionString\":\"Server=" + tds.getHost() + "," + tds.getPort() + ";Database=" + database + ";User Id=" + server.username()
                        + ";Password=" + server.password() + ";Encrypt=False;TrustServerCertificate=True\",\"environment\":\"it\"}", "ada", 201);
                UUID connectionId = UUID.fromString(connection.get("connectionId").asText());
                assertThat(store.jdbc().queryForObject("SELECT ConnectionString FROM monitoring.DatabaseConnections WHERE ConnectionId = ?",
                        String.class, connectionId)).startsWith("enc:v1:k1:");
                JsonNode load = api.call("POST", "/api/v1/queries", "{\"queryName\":\"load\",\"provider\":\"SqlServer\",\"sqlQuery\":"
                        + "\"SELECT value FROM dbo.metrics WHERE name = N'load'\",\"resultType\":\"Scalar\",\"warningThreshold\":50,"
                        + "\"criticalThreshold\":90,\"comparisonOperator\":\"GreaterThan\",\"intervalSeconds\":1,\"hardAfter\":1}", "ada", 201);
                UUID loadId = UUID.fromString(load.get("queryId").asText());
                api.call("POST", "/api/v1/queries", "{\"queryName\":\"open orders\",\"provider\":\"SqlServer\",\"sqlQuery\":"
                        + "\"SELECT id, status FROM dbo.orders WHERE status = N'open' ORDER BY id\",\"resultType\":\"DataSet\","
                        + "\"warningThreshold\":1,\"criticalThreshold\":5,\"comparisonOperator\":\"GreaterThan\",\"intervalSeconds\":1,\"hardAfter\":1}",
                        "ada", 201);

                JsonNode job = api.call("POST", "/api/v1/jobs", "{\"connectionId\":\"" + connectionId + "\",\"priority\":1}", "ada", 201);
                UUID jobId = UUID.fromString(job.get("jobId").asText());
                Row done = store.awaitJob(jobId, "Succeeded", Duration.ofSeconds(60));
                Map<String, Row> results = store.results(jobId);
                assertThat(results).containsOnlyKeys("tds-target/Connection Test", "tds-target/load", "tds-target/open orders");
                assertThat(results.get("tds-target/Connection Test").string("Status")).isEqualTo("Ok");
                assertThat(results.get("tds-target/Connection Test").decimal("ResultValue")).isEqualTo(1.0);
                assertThat(results.get("tds-target/load").string("Status")).isEqualTo("Ok");
                assertThat(results.get("tds-target/load").decimal("ResultValue")).isEqualTo(5.0);
                Row orders = results.get("tds-target/open orders");
                assertThat(orders.string("Status")).isEqualTo("Warning");
                assertThat(orders.decimal("ResultValue")).isEqualTo(2.0);
                assertThat(orders.string("Details")).contains("\"status\":\"open\"");
                assertThat(results.values()).allSatisfy(r -> {
                    assertThat(r.string("Provider")).isEqualTo("SqlServer");
                    assertThat(r.string("Details")).doesNotContain("plaintextConnectionString");
                });
                assertThat(done.string("ResultSummary")).isEqualTo("{\"results\":3,\"Ok\":2,\"Warning\":1}");

                // the schedule runs the interval queries; a value across the critical threshold turns the alert Critical and notifies
                target.update("UPDATE dbo.metrics SET value = 95 WHERE name = N'load'");
                await().atMost(Duration.ofSeconds(60)).until(() -> "Critical".equals(alertState(store, connectionId, loadId)));
                await().atMost(Duration.ofSeconds(30)).until(() -> receiver.accepted("/hook").stream()
                        .anyMatch(d -> d.body().get("to").asText().equals("Critical") && d.body().at("/query/name").asText().equals("load")));
                HttpReceiver.Delivery notice = receiver.accepted("/hook").stream()
                        .filter(d -> d.body().get("to").asText().equals("Critical")).findFirst().orElseThrow();
                assertThat(notice.body().at("/connection/name").asText()).isEqualTo("tds-target");
                assertThat(store.jdbc().queryForObject("SELECT COUNT(*) FROM monitoring.AlertEvents WHERE QueryId = ? AND ToState = N'Critical' "
                        + "AND NotifiedAt IS NOT NULL", Integer.class, loadId)).isEqualTo(1);

                // the API and the status page's data come from the same store
                JsonNode status = api.call("GET", "/api/v1/status", null, "vic", 200);
                assertThat(status.toString()).contains("tds-target").contains("Critical");
                JsonNode alerts = api.call("GET", "/api/v1/alerts", null, "vic", 200);
                assertThat(alerts.toString()).contains("\"state\":\"Critical\"").contains("load");
                JsonNode workers = api.call("GET", "/api/v1/workers", null, "vic", 200);
                assertThat(workers.toString()).contains("Running");
                JsonNode series = api.call("GET", "/api/v1/series?hours=1&connectionId=" + connectionId, null, "vic", 200);
                assertThat(series.size()).isGreaterThanOrEqualTo(2);
                HttpResponse<String> page = api.send("GET", "/", null, "vic");
                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(page.body()).contains("<script src=\"/status.js\"");

                ParameterMetadataSpy spy = app.getBean("dataSource", ParameterMetadataSpy.class);
                assertThat(spy.described()).as("store statements whose parameters the driver was asked for").isEmpty();
            }
        }
    }

    private static String alertState(Store store, UUID connection, UUID query) {
        List<String> states = store.jdbc().queryForList("SELECT State FROM monitoring.AlertStates WHERE ConnectionId = ? AND QueryId = ? AND RowKey = N''",
                String.class, connection, query);
        return states.isEmpty() ? null : states.get(0);
    }
}
