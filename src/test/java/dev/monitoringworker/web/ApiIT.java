package dev.monitoringworker.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.monitoringworker.support.TestDatabases;
import dev.monitoringworker.support.WorkerApp;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The management API of a running worker, on a PostgreSQL and on an H2 store: every endpoint for every role
 * (allowed and forbidden), validation errors naming the field, audit names, and no connection string or password
 * in any response.
 */
class ApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CANARY = "Api-Canary-Password-7";
    private static final List<String> ROLES = List.of("anonymous", "viewer", "operator", "admin");
    private static final Map<String, String> USERS = Map.of("viewer", "vic", "operator", "olga", "admin", "ada");

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> bodies = new ArrayList<>();
    private String base;

    /** The least role that may make a call, and the status every role from it up gets. */
    record Allowed(String role, int status) {
    }

    record Call(String method, String path, String body, String role) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void everyEndpointForEveryRoleValidationAuditAndNoSecrets(String dialect, @TempDir Path dir) throws Exception {
        String storeUrl = dialect.equals("h2") ? "jdbc:h2:mem:api-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" : TestDatabases.newPostgresDatabase("api");
        String storeUser = dialect.equals("h2") ? "sa" : "postgres";
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path ring = Files.writeString(dir.resolve("key-ring"), "k1=" + Base64.getEncoder().encodeToString(key) + "\nactive=k1\n");
        Map<String, Object> settings = new HashMap<>();
        settings.put("monitoring.security.key-ring-file", ring.toString());
        settings.put("monitoring.security.allow-plaintext", false);
        settings.put("monitoring.worker.drain-seconds", 1);
        // the API is under test, not the pipeline: jobs it enqueues stay Pending (one claim at start, then none)
        settings.put("monitoring.poll.interval-ms", 3_600_000);
        int i = 0;
        for (Map.Entry<String, String> u : USERS.entrySet()) {
            settings.put("monitoring.api.users[" + i + "].name", u.getValue());
            settings.put("monitoring.api.users[" + i + "].role", u.getKey());
            settings.put("monitoring.api.users[" + i++ + "].password-hash", new BCryptPasswordEncoder(4).encode(u.getValue() + "-pw-1"));
        }
        try (ConfigurableApplicationContext worker = WorkerApp.start(storeUrl, storeUser, "", settings)) {
            base = "http://localhost:" + worker.getEnvironment().getProperty("local.server.port");
            JdbcTemplate store = new JdbcTemplate(dialect.equals("h2") ? new DriverManagerDataSource(storeUrl, "sa", "")
                    : TestDatabases.postgresDataSource(storeUrl));

            // --- create through the API, as admin: encrypted at rest, audited, never returned
            JsonNode created = ok(call("POST", "/api/v1/connections", "{\"connectionName\":\"orders-db\",\"provider\":\"PostgreSQL\","
                    + "\"connectionString\":\"Host=127.0.0.1;Port=1;Database=orders;Username=mon;Password=" + CANARY + "\",\"environment\":\"prod\",\"connectionTimeoutSeconds\":1}",
                    "admin"), 201);
            String connection = created.get("connectionId").asText();
            assertThat(created.get("connectionStringEncrypted").asBoolean()).isTrue();
            assertThat(created.get("createdBy").asText()).isEqualTo("ada");
            assertThat(store.queryForObject("SELECT ConnectionString FROM monitoring.DatabaseConnections WHERE ConnectionName = 'orders-db'", String.class))
                    .startsWith("enc:v1:k1:");
            JsonNode query = ok(call("POST", "/api/v1/queries", "{\"queryName\":\"replication lag\",\"sqlQuery\":\"SELECT 1\",\"warningThreshold\":80,"
                    + "\"criticalThreshold\":90,\"comparisonOperator\":\"GreaterThan\",\"criticalRecovery\":85,\"hardAfter\":2}", "admin"), 201);
            String queryId = query.get("queryId").asText();
            assertThat(query.get("criticalRecovery").asDouble()).isEqualTo(85.0);
            store.update("INSERT INTO monitoring.AlertStates (ConnectionId, QueryId, RowKey, State, DataState, StateSince, Sequence) "
                    + "VALUES (?, ?, '', 'Critical', 'Critical', CURRENT_TIMESTAMP, 1)", UUID.fromString(connection), UUID.fromString(queryId));
            JsonNode job = ok(call("POST", "/api/v1/jobs", "{\"connectionId\":\"" + connection + "\",\"queryId\":\"" + queryId + "\",\"priority\":1}",
                    "operator"), 201);
            assertThat(store.queryForObject("SELECT CreatedBy FROM monitoring.WorkerJobs WHERE JobId = ?", String.class,
                    UUID.fromString(job.get("jobId").asText()))).isEqualTo("olga");

            // --- every endpoint for every role
            String ack = "{\"connectionId\":\"" + connection + "\",\"queryId\":\"" + queryId + "\"}";
            String changeConnection = "{\"connectionName\":\"orders-db\",\"provider\":\"PostgreSQL\",\"environment\":\"prod\"}";
            String changeQuery = "{\"queryName\":\"replication lag\",\"sqlQuery\":\"SELECT 2\",\"warningThreshold\":80,\"criticalThreshold\":90}";
            Map<Call, Allowed> least = new java.util.LinkedHashMap<>();
            least.put(new Call("GET", "/api/v1/status", null, null), new Allowed("viewer", 200));
            least.put(new Call("GET", "/api/v1/connections", null, null), new Allowed("viewer", 200));
            least.put(new Call("GET", "/api/v1/connections/" + connection, null, null), new Allowed("viewer", 200));
            least.put(new Call("POST", "/api/v1/connections", "{\"connectionName\":\"c-%s\",\"provider\":\"MySQL\",\"connectionString\":"
                    + "\"Server=m;Database=d;Uid=u;Pwd=" + CANARY + "\",\"isEnabled\":false}", null), new Allowed("admin", 201));
            least.put(new Call("PUT", "/api/v1/connections/" + connection, changeConnection, null), new Allowed("admin", 200));
            least.put(new Call("POST", "/api/v1/connections/" + connection + "/disable", null, null), new Allowed("admin", 200));
            least.put(new Call("POST", "/api/v1/connections/" + connection + "/enable", null, null), new Allowed("admin", 200));
            least.put(new Call("GET", "/api/v1/queries", null, null), new Allowed("viewer", 200));
            least.put(new Call("GET", "/api/v1/queries/" + queryId, null, null), new Allowed("viewer", 200));
            least.put(new Call("GET", "/api/v1/queries/" + queryId + "/versions", null, null), new Allowed("viewer", 200));
            least.put(new Call("GET", "/api/v1/queries/" + UUID.randomUUID() + "/versions", null, null), new Allowed("viewer", 404));
            least.put(new Call("POST", "/api/v1/queries", "{\"queryName\":\"q-%s\",\"sqlQuery\":\"SELECT 1\"}", null), new Allowed("admin", 201));
            least.put(new Call("PUT", "/api/v1/queries/" + queryId, changeQuery, null), new Allowed("admin", 200));
            least.put(new Call("POST", "/api/v1/queries/" + queryId + "/disable", null, null), new Allowed("admin", 200));
            least.put(new Call("POST", "/api/v1/queries/" + queryId + "/enable", null, null), new Allowed("admin", 200));
            least.put(new Call("GET", "/api/v1/jobs?status=Pending", null, null), new Allowed("viewer", 200));
            least.put(new Call("GET", "/api/v1/jobs/" + job.get("jobId").asText(), null, null), new Allowed("viewer", 200));
            least.put(new Call("GET", "/api/v1/jobs/" + UUID.randomUUID(), null, null), new Allowed("viewer", 404));
            least.put(new Call("POST", "/api/v1/jobs", "{\"priority\":9}", null), new Allowed("operator", 201));
            least.put(new Call("POST", "/api/v1/jobs/" + UUID.randomUUID() + "/cancel", null, null), new Allowed("operator", 404));
            least.put(new Call("GET", "/api/v1/results?status=Ok&limit=5", null, null), new Allowed("viewer", 200));
            least.put(new Call("GET", "/api/v1/alerts", null, null), new Allowed("viewer", 200));
            least.put(new Call("POST", "/api/v1/alerts/acknowledge", ack, null), new Allowed("operator", 200));
            least.put(new Call("GET", "/api/v1/series?hours=1", null, null), new Allowed("viewer", 200));
            least.put(new Call("GET", "/api/v1/workers", null, null), new Allowed("viewer", 200));
            least.put(new Call("POST", "/api/v1/worker/claiming/pause", null, null), new Allowed("operator", 200));
            least.put(new Call("POST", "/api/v1/worker/claiming/resume", null, null), new Allowed("operator", 200));
            least.put(new Call("GET", "/api/v1/keys", null, null), new Allowed("admin", 200));
            least.put(new Call("GET", "/v3/api-docs", null, null), new Allowed("viewer", 200));
            int n = 0;
            for (Map.Entry<Call, Allowed> e : least.entrySet()) {
                for (String role : ROLES) {
                    Call c = e.getKey();
                    HttpResponse<String> r = call(c.method(), c.path(), c.body() == null ? null : c.body().replace("%s", role + n++), role);
                    String what = role + " " + c.method() + " " + c.path();
                    if (role.equals("anonymous")) {
                        assertThat(r.statusCode()).as(what).isEqualTo(401);
                    } else if (ROLES.indexOf(role) < ROLES.indexOf(e.getValue().role())) {
                        assertThat(r.statusCode()).as(what).isEqualTo(403);
                    } else {
                        assertThat(r.statusCode()).as(what + ": " + r.body()).isEqualTo(e.getValue().status());
                    }
                }
            }
            UUID later = UUID.randomUUID();
            store.update("INSERT INTO monitoring.WorkerJobs (JobId, JobName, ScheduledAt) VALUES (?, 'next year', TIMESTAMP '2099-01-01 00:00:00')", later);
            assertThat(ok(call("POST", "/api/v1/jobs/" + later + "/cancel", null, "operator"), 200).get("status").asText()).isEqualTo("Cancelled");
            HttpResponse<String> again = call("POST", "/api/v1/jobs/" + later + "/cancel", null, "operator");
            assertThat(again.statusCode()).as("not Pending").isEqualTo(409);
            assertThat(again.body()).contains("is Cancelled, not Pending");
            // an alert no job touches: its acknowledgement stays until its state changes
            UUID quiet = UUID.randomUUID();
            store.update("INSERT INTO monitoring.AlertStates (ConnectionId, QueryId, RowKey, State, DataState, StateSince, Sequence) "
                    + "VALUES (?, ?, '', 'Warning', 'Warning', CURRENT_TIMESTAMP, 1)", quiet, UUID.fromString(queryId));
            assertThat(ok(call("POST", "/api/v1/alerts/acknowledge", "{\"connectionId\":\"" + quiet + "\",\"queryId\":\"" + queryId + "\"}",
                    "operator"), 200).get("acknowledgedBy").asText()).isEqualTo("olga");
            assertThat(store.queryForObject("SELECT AcknowledgedBy FROM monitoring.AlertStates WHERE ConnectionId = ?", String.class, quiet))
                    .isEqualTo("olga");
            assertThat(call("POST", "/api/v1/alerts/acknowledge", "{\"connectionId\":\"" + UUID.randomUUID() + "\",\"queryId\":\"" + queryId
                    + "\"}", "operator").statusCode()).as("no such alert").isEqualTo(404);
            assertThat(ok(call("GET", "/api/v1/queries/" + queryId, null, "viewer"), 200).get("modifiedBy").asText()).isEqualTo("ada");
            store.update("INSERT INTO monitoring.QueryVersions (QueryId, QueryHash, SqlQuery, FirstSeenAt) VALUES (?, ?, 'SELECT 1', "
                    + "TIMESTAMP '2026-01-01 00:00:00')", UUID.fromString(queryId), "b".repeat(64));
            JsonNode versions = ok(call("GET", "/api/v1/queries/" + queryId + "/versions", null, "viewer"), 200);
            assertThat(versions).hasSize(1);
            assertThat(versions.get(0).get("queryHash").asText()).isEqualTo("b".repeat(64));
            assertThat(versions.get(0).get("sqlQuery").asText()).isEqualTo("SELECT 1");
            JsonNode docs = ok(call("GET", "/v3/api-docs", null, "viewer"), 200);
            assertThat(docs.get("paths").has("/api/v1/connections")).isTrue();
            assertThat(docs.get("paths").has("/api/v1/alerts/acknowledge")).isTrue();

            // --- validation: 400 naming the field
            invalid("/api/v1/queries", "{\"queryName\":\"x1\",\"sqlQuery\":\"SELECT 1\",\"warningThreshold\":95,\"criticalThreshold\":90}",
                    "warningThreshold", "contradict ComparisonOperator");
            invalid("/api/v1/queries", "{\"queryName\":\"x2\",\"sqlQuery\":\"SELECT 1\",\"criticalThreshold\":90,\"comparisonOperator\":\"~\"}",
                    "comparisonOperator", "ComparisonOperator");
            invalid("/api/v1/queries", "{\"queryName\":\"x3\",\"sqlQuery\":\"SELECT 1; DELETE FROM t\"}", "sqlQuery", "one statement, not 2");
            invalid("/api/v1/queries", "{\"queryName\":\"x4\",\"sqlQuery\":\"SELECT 1\",\"resultType\":\"Table\"}", "resultType", "Scalar, NonQuery or DataSet");
            invalid("/api/v1/queries", "{\"queryName\":\"x5\",\"sqlQuery\":\"SELECT 1\",\"criticalThreshold\":90,\"criticalRecovery\":95}",
                    "criticalRecovery", "good side");
            invalid("/api/v1/queries", "{\"sqlQuery\":\"SELECT 1\"}", "queryName", "queryName is required");
            invalid("/api/v1/connections", "{\"connectionName\":\"y1\",\"provider\":\"PostgreSQL\"}", "connectionString", "required");
            invalid("/api/v1/connections", "{\"connectionName\":\"y2\",\"provider\":\"Sybase\",\"connectionString\":\"x\"}", "provider", "Sybase");
            invalid("/api/v1/connections", "{\"connectionName\":\"y3\",\"provider\":\"PostgreSQL\",\"connectionString\":\"Host=db;Password="
                    + CANARY + ";this part is broken\"}", "connectionString", "cannot be used");
            invalid("/api/v1/jobs", "{\"priority\":11}", "priority", "1 (most urgent) to 10");
            invalid("/api/v1/jobs", "{\"connectionId\":\"" + UUID.randomUUID() + "\"}", "connectionId", "does not exist");
            assertThat(call("POST", "/api/v1/queries", "{not json", "admin").statusCode()).isEqualTo(400);

            // --- nothing ever returned a connection string or a password
            String all = String.join("\n", bodies);
            assertThat(all).doesNotContain(CANARY).doesNotContain("enc:v1:").doesNotContainIgnoringCase("connectionString\":\"");
        }
    }

    private void invalid(String path, String body, String field, String message) throws Exception {
        JsonNode error = ok(call("POST", path, body, path.contains("jobs") ? "operator" : "admin"), 400);
        assertThat(error.get("field").asText()).as(body).isEqualTo(field);
        assertThat(error.get("error").asText()).as(body).contains(message);
    }

    private JsonNode ok(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> call(String method, String path, String body, String role) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (!role.equals("anonymous")) {
            String user = USERS.get(role);
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user + "-pw-1").getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        bodies.add(response.body());
        return response;
    }
}
