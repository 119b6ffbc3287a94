package dev.monitoringworker.it;

import dev.monitoringworker.support.Store;
import dev.monitoringworker.support.TestDatabases;
import dev.monitoringworker.support.TestUsers;
import dev.monitoringworker.support.WorkerApp;
import dev.monitoringworker.worker.WorkerControl;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

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
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operator's levers over a real remote JMX connector on loopback, on a PostgreSQL store: a Camel route
 * stopped and started, claiming paused (nothing claimed meanwhile) and resumed, the worker's attributes read,
 * and a drain with jobs in flight: readiness goes down, running jobs finish, queued ones go back to Pending
 * with their attempt returned, none is left Running, none is lost, and the worker ends Stopped. Closing the
 * application (what SIGTERM does) drains the same way.
 */
class WorkerControlIT {

    @Test
    void pauseResumeAndDrainOverRemoteJmx() throws Exception {
        String storeUrl = TestDatabases.newPostgresDatabase("controlstore");
        String targetUrl = TestDatabases.newPostgresDatabase("controltarget");
        int jmxPort = freePort();
        Map<String, Object> settings = new java.util.HashMap<>(TestUsers.properties("ops", "operator"));
        settings.putAll(Map.of("monitoring.jmx.remote.port", jmxPort, "monitoring.worker.job-threads", 1,
                "monitoring.poll.batch-size", 3, "monitoring.worker.drain-seconds", 20, "monitoring.jobs.lease-seconds", 30));
        try (ConfigurableApplicationContext app = WorkerApp.start(storeUrl, "postgres", "", settings);
             JMXConnector jmx = JMXConnectorFactory.connect(new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi"),
                     Map.of(JMXConnector.CREDENTIALS, new String[]{"ops", TestUsers.password("ops")}))) {
            Store store = new Store(TestDatabases.postgresDataSource(storeUrl));
            store.jdbc().update("UPDATE monitoring.DatabaseQueries SET IsEnabled = false WHERE QueryName = 'Connection Test'");
            MBeanServerConnection server = jmx.getMBeanServerConnection();
            ObjectName worker = new ObjectName("monitoring.worker:type=Worker,name="
                    + ObjectName.quote(app.getEnvironment().getProperty("monitoring.worker.name")));
            String readiness = "http://localhost:" + app.getEnvironment().getProperty("local.management.port") + "/actuator/health/readiness";

            // attributes
            await().atMost(Duration.ofSeconds(10)).until(() -> !server.getAttribute(worker, "LastPollTime").equals(""));
            assertThat(server.getAttribute(worker, "WorkerId")).isEqualTo(store.jdbc().queryForObject(
                    "SELECT CAST(WorkerInstanceId AS VARCHAR) FROM monitoring.WorkerInstances", String.class));
            assertThat(server.getAttribute(worker, "Status")).isEqualTo("Running");
            assertThat(Instant.parse((String) server.getAttribute(worker, "LastPollTime"))).isAfter(Instant.now().minusSeconds(5));

            // a Camel route stopped and started through its own MBean
            ObjectName route = server.queryNames(new ObjectName("org.apache.camel:type=routes,name=\"schedule-due-jobs\",*"), null)
                    .iterator().next();
            server.invoke(route, "stop", null, null);
            assertThat(server.getAttribute(route, "State")).isEqualTo("Stopped");
            server.invoke(route, "start", null, null);
            assertThat(server.getAttribute(route, "State")).isEqualTo("Started");

            // paused: nothing is claimed
            UUID connection = store.connection("control target", "PostgreSQL", targetUrl, "it", 5);
            UUID quick = store.query("quick", "PostgreSQL", "SELECT 1", "Scalar", null, null, null, 5, 10, false);
            assertThat((String) server.invoke(worker, "pauseClaiming", null, null)).startsWith("claiming paused");
            assertThat(server.getAttribute(worker, "Status")).isEqualTo("Paused");
            long claimedBefore = (Long) server.getAttribute(worker, "JobsClaimed");
            store.jobs("while paused", 5, connection, quick);
            await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() -> store.jdbc().queryForObject(
                    "SELECT COUNT(*) FROM monitoring.WorkerJobs WHERE QueryId = ? AND Status = 'Pending'", Integer.class, quick) == 5);
            assertThat(status(readiness)).as("a paused worker is still ready").isEqualTo(200);

            // resumed: they run
            assertThat((String) server.invoke(worker, "resumeClaiming", null, null)).isEqualTo("claiming resumed");
            await().atMost(Duration.ofSeconds(15)).until(() -> store.jdbc().queryForObject(
                    "SELECT COUNT(*) FROM monitoring.WorkerJobs WHERE QueryId = ? AND Status = 'Succeeded'", Integer.class, quick) == 5);
            assertThat((Long) server.getAttribute(worker, "JobsClaimed")).isGreaterThanOrEqualTo(claimedBefore + 5);

            // drain with a batch of three running, a batch of one queued (one batch thread; at most 1 + 3 held) and
            // four still in the store
            UUID slow = store.query("slow", "PostgreSQL", "SELECT pg_sleep(3)", "Scalar", null, null, null, 10, 10, false);
            // inserted while paused, so that one poll finds all eight due
            server.invoke(worker, "pauseClaiming", null, null);
            store.jobs("drained", 8, connection, slow);
            server.invoke(worker, "resumeClaiming", null, null);
            await().atMost(Duration.ofSeconds(10)).until(() -> (Integer) server.getAttribute(worker, "RunningJobs") == 3
                    && (Integer) server.getAttribute(worker, "InFlightJobs") == 4);
            assertThat((String) server.invoke(worker, "drain", null, null)).startsWith("draining 4 job(s) in flight");
            await().atMost(Duration.ofSeconds(3)).until(() -> status(readiness) == 503);
            assertThat(server.getAttribute(worker, "Status")).isEqualTo("Draining");
            await().atMost(Duration.ofSeconds(20)).until(() -> server.getAttribute(worker, "Status").equals("Drained"));

            Map<String, Object> counts = store.jdbc().queryForMap("SELECT COUNT(*) FILTER (WHERE Status = 'Succeeded') AS succeeded, "
                    + "COUNT(*) FILTER (WHERE Status = 'Pending') AS pending, COUNT(*) FILTER (WHERE Status = 'Running') AS running, "
                    + "COUNT(*) FILTER (WHERE Status = 'Pending' AND Attempt = 0 AND WorkerInstanceId IS NULL) AS untouched "
                    + "FROM monitoring.WorkerJobs WHERE QueryId = ?", slow);
            System.out.println("drain: " + counts);
            assertThat(counts).containsEntry("succeeded", 3L).containsEntry("pending", 5L).containsEntry("running", 0L)
                    .containsEntry("untouched", 5L);
            assertThat(store.jdbc().queryForObject("SELECT COUNT(*) FROM monitoring.DatabaseMonitoringResults WHERE QueryId = ?",
                    Integer.class, slow)).isEqualTo(3);
            assertThat(store.jdbc().queryForObject("SELECT Status FROM monitoring.WorkerInstances", String.class)).isEqualTo("Stopped");
            assertThat(status(readiness)).isEqualTo(503);
            assertThat((String) server.invoke(worker, "resumeClaiming", null, null)).isEqualTo("not resumed: the worker is Drained");
        }
    }

    @Test
    void closingTheApplicationDrainsItsJobs() {
        String storeUrl = TestDatabases.newPostgresDatabase("shutdownstore");
        String targetUrl = TestDatabases.newPostgresDatabase("shutdowntarget");
        ConfigurableApplicationContext app = WorkerApp.start(storeUrl, "postgres", "", Map.of(
                "monitoring.worker.job-threads", 1, "monitoring.poll.batch-size", 3, "monitoring.worker.drain-seconds", 20,
                "monitoring.jobs.lease-seconds", 30));
        Store store = new Store(TestDatabases.postgresDataSource(storeUrl));
        UUID connection = store.connection("shutdown target", "PostgreSQL", targetUrl, "it", 5);
        UUID slow = store.query("slow", "PostgreSQL", "SELECT pg_sleep(2)", "Scalar", null, null, null, 10, 10, false);
        store.jdbc().update("UPDATE monitoring.DatabaseQueries SET IsEnabled = false WHERE QueryName = 'Connection Test'");
        WorkerControl control = app.getBean(WorkerControl.class);
        // inserted while paused, so that one poll finds all six due
        control.pauseClaiming();
        store.jobs("at shutdown", 6, connection, slow);
        control.resumeClaiming();
        // a batch of three running, a batch of one queued
        await().atMost(Duration.ofSeconds(10)).until(() -> control.getRunningJobs() == 3 && control.getInFlightJobs() == 4);

        app.close(); // what the JVM's shutdown hook does on SIGTERM

        assertThat(store.jdbc().queryForObject("SELECT COUNT(*) FROM monitoring.WorkerJobs WHERE QueryId = ? AND Status = 'Running'",
                Integer.class, slow)).isZero();
        assertThat(store.jdbc().queryForObject("SELECT COUNT(*) FROM monitoring.WorkerJobs WHERE QueryId = ? AND Status = 'Succeeded'",
                Integer.class, slow)).isEqualTo(3);
        assertThat(store.jdbc().queryForObject("SELECT COUNT(*) FROM monitoring.WorkerJobs WHERE QueryId = ? AND Status = 'Pending' AND Attempt = 0",
                Integer.class, slow)).isEqualTo(3);
        assertThat(store.jdbc().queryForObject("SELECT Status FROM monitoring.WorkerInstances", String.class)).isEqualTo("Stopped");
    }

    private static int status(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
