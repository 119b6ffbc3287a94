package dev.monitoringworker.it;

import dev.monitoringworker.support.HttpReceiver;
import dev.monitoringworker.support.Store;
import dev.monitoringworker.support.TestDatabases;
import dev.monitoringworker.support.TestUsers;
import dev.monitoringworker.support.WorkerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A worker process at DEBUG against a wrong password, an unreachable host and malformed connection strings,
 * each holding a distinctive password in one of the forms a connection string can take, and a notification webhook whose URL and Authorization value are secret and
 * which refuses every change: none appears in a log line, result, job, notification error, metric, actuator
 * response or JMX attribute (read over remote JMX, as an operator would).
 */
class SecretLeakIT {

    private static final List<String> CANARIES = List.of(
            "Leak-Canary-Wrong-1", "Leak-Canary-Unreachable-2", "Leak-Canary-Malformed-3", "Leak-Canary-Url-4", "Leak-Canary-Hook-5",
            "Leak-Canary-Auth-6", "Leak-Canary-Authority-7", "Leak-Canary-Brace-8", "Leak-Canary-Oracle-9",
            "Leak-Canary-Smtp-10");

    @Test
    void passwordsAppearNowhere(@TempDir Path dir) throws Exception {
        String storeUrl = TestDatabases.newPostgresDatabase("leakstore");
        // the embedded PostgreSQL trusts every local login: make one role check its password
        String pgUrl = TestDatabases.newPostgresDatabase("leak");
        TestDatabases.passwordCheckedRole("leakmon", "the-right-password");
        URI pgUri = URI.create(pgUrl.substring(5));
        int management = freePort();
        int jmxPort = freePort();
        Path console = dir.resolve("console.log");
        Store store = new Store(TestDatabases.postgresDataSource(storeUrl));

        try (HttpReceiver hook = new HttpReceiver(); WorkerProcess worker = WorkerProcess.start(console, Map.ofEntries(
                Map.entry("spring.datasource.url", storeUrl), Map.entry("spring.datasource.username", "postgres"),
                Map.entry("server.port", 0), Map.entry("management.server.port", management),
                Map.entry("spring.h2.console.enabled", false), Map.entry("monitoring.demo.enabled", false),
                Map.entry("logging.level.root", "DEBUG"), Map.entry("monitoring.poll.interval-ms", 500),
                Map.entry("monitoring.jmx.remote.port", jmxPort), Map.entry("monitoring.api.users[0].name", "ops"),
                Map.entry("monitoring.api.users[0].role", "operator"),
                Map.entry("monitoring.api.users[0].password-hash", new BCryptPasswordEncoder(4).encode(TestUsers.password("ops"))),
                Map.entry("monitoring.notify.sinks", "log,webhook"), Map.entry("monitoring.notify.interval-ms", 300)),
                // a webhook whose URL and Authorization value are secrets, given as documented, that refuses every change
                Map.of("MONITORING_NOTIFY_WEBHOOK_URL", hook.url("/hooks/" + CANARIES.get(4) + "?token=" + CANARIES.get(4)),
                        "MONITORING_NOTIFY_WEBHOOK_AUTHORIZATION", "Bearer " + CANARIES.get(5),
                        // the e-mail sink's login, set on the smtp component whether or not the sink is chosen
                        "MONITORING_NOTIFY_EMAIL_USERNAME", "mailer", "MONITORING_NOTIFY_EMAIL_PASSWORD", CANARIES.get(9)))) {
            await().atMost(Duration.ofSeconds(90)).until(() -> worker.isAlive() && tableExists(store)
                    && store.jdbc().queryForObject("SELECT COUNT(*) FROM monitoring.WorkerInstances WHERE Status = 'Running'", Integer.class) == 1);
            store.connection("wrong password", "PostgreSQL", "Host=" + pgUri.getHost() + ";Port=" + pgUri.getPort()
                    + ";Database=postgres;Username=leakmon;Password=" + CANARIES.get(0), "leak", 3);
            store.connection("unreachable", "PostgreSQL", "Host=127.0.0.1;Port=1;Database=x;Username=u;Password=" + CANARIES.get(1), "leak", 1);
            store.connection("malformed", "PostgreSQL", "Host=db;Password=" + CANARIES.get(2) + ";this part is broken", "leak", 1);
            store.connection("url with password", "PostgreSQL", "jdbc:postgresql://127.0.0.1:1/x?user=u&password=" + CANARIES.get(3), "leak", 1);
            // every other form a driver can echo: credentials in a MySQL URL's authority (MariaDB's driver read it as a port),
            // a braced SQL Server value holding ';', Oracle's user/password@ prefix
            store.connection("authority", "MySQL", "jdbc:mysql://u:" + CANARIES.get(6) + "@127.0.0.1:1/x", "leak", 1);
            store.connection("authority as port", "PostgreSQL", "jdbc:postgresql://u:" + CANARIES.get(6) + "@127.0.0.1:1/x", "leak", 1);
            store.connection("braced", "SqlServer", "jdbc:sqlserver://127.0.0.1:1;user=u;password={" + CANARIES.get(7) + ";x};encrypt=false", "leak", 1);
            store.connection("oracle prefix", "Oracle", "jdbc:oracle:thin:u/" + CANARIES.get(8) + "@//127.0.0.1:1/x", "leak", 1);
            hook.down(true);
            // every failed run turns its alert Unknown at once: changes to notify, through the webhook that refuses them
            store.jdbc().update("UPDATE monitoring.DatabaseQueries SET HardAfter = 1");
            UUID job = store.job("leak check", null, null, "leak", 3);
            store.awaitJob(job, "Succeeded", Duration.ofSeconds(90));
            await().atMost(Duration.ofSeconds(60)).until(() -> store.jdbc().queryForObject(
                    "SELECT COUNT(*) FROM monitoring.AlertEvents WHERE NotifyError IS NOT NULL", Integer.class) >= 4);
            List<String> notifyErrors = store.jdbc().queryForList("SELECT NotifyError FROM monitoring.AlertEvents WHERE NotifyError IS NOT NULL",
                    String.class);
            assertThat(notifyErrors).allMatch(e -> e.equals("sink 'webhook' answered HTTP 503 Service Unavailable")
                    || e.equals("not sent: a sink failed earlier in the same round"));
            assertThat(hook.refused()).as("the webhook was reached").isPositive();
            assertNoCanary("notification errors", String.join("\n", notifyErrors));

            List<String> results = store.jdbc().queryForList(
                    "SELECT CONCAT(ErrorMessage, ' | ', Details, ' | ', ResultText) FROM monitoring.DatabaseMonitoringResults WHERE JobId = ?", String.class, job);
            assertThat(results).hasSize(8);
            assertThat(String.join("\n", results)).contains("connection 'wrong password'", "connection 'unreachable'",
                    "connection 'malformed'", "connection 'url with password'", "password authentication failed for user \"leakmon\"",
                    "connection 'authority'", "connection 'authority as port'", "connection 'braced'", "connection 'oracle prefix'");
            assertNoCanary("results", String.join("\n", results));
            assertNoCanary("jobs", String.join("\n", store.jdbc().queryForList(
                    "SELECT CONCAT(LastError, ' ', ResultSummary) FROM monitoring.WorkerJobs", String.class)));
            assertNoCanary("worker rows", String.join("\n", store.jdbc().queryForList(
                    "SELECT Configuration FROM monitoring.WorkerInstances", String.class)));

            HttpClient http = HttpClient.newHttpClient();
            for (String endpoint : List.of("prometheus", "health", "info")) {
                assertNoCanary(endpoint, http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + management + "/actuator/" + endpoint)).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
            }
            assertNoCanary("JMX attributes", jmxAttributes(jmxPort));
        }
        String logged = Files.readString(console);
        assertThat(logged).as("the worker logged at DEBUG, through shutdown").contains(" DEBUG ").contains("leak check").contains("marked Stopped");
        assertNoCanary("log", logged);
    }

    private static boolean tableExists(Store store) {
        return Boolean.TRUE.equals(store.jdbc().queryForObject("SELECT to_regclass('monitoring.workerinstances') IS NOT NULL", Boolean.class));
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void assertNoCanary(String where, String text) {
        for (String canary : CANARIES) {
            assertThat(text).as(where + " must not contain " + canary).doesNotContain(canary);
        }
    }

    private static String jmxAttributes(int port) throws Exception {
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi");
        List<String> values = new ArrayList<>();
        try (JMXConnector connector = JMXConnectorFactory.connect(url, Map.of(JMXConnector.CREDENTIALS, new String[]{"ops", TestUsers.password("ops")}))) {
            MBeanServerConnection server = connector.getMBeanServerConnection();
            for (ObjectName name : server.queryNames(null, null)) {
                for (MBeanAttributeInfo attribute : server.getMBeanInfo(name).getAttributes()) {
                    if (!attribute.isReadable()) {
                        continue;
                    }
                    try {
                        values.add(name + "." + attribute.getName() + "=" + server.getAttribute(name, attribute.getName()));
                    } catch (Exception | LinkageError unreadable) {
                        // some platform attributes are not supported on this JVM
                    }
                }
            }
        }
        assertThat(values).anyMatch(v -> v.contains("org.apache.camel") && v.contains("poll-worker-jobs"));
        return String.join("\n", values);
    }
}
