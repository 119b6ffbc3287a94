package dev.monitoringworker.it;

import dev.monitoringworker.store.Row;
import dev.monitoringworker.support.FaultyProxy.Mode;
import dev.monitoringworker.support.FaultyProxy;
import dev.monitoringworker.support.Store;
import dev.monitoringworker.support.TestDatabases;
import dev.monitoringworker.support.WorkerApp;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Four broken targets beside a healthy one, on a real PostgreSQL store with real PostgreSQL targets behind
 * test proxies: one hangs (accepts, never answers), one refuses connections, one refuses the password, one
 * drops the connection mid-query. Each yields Error/Timeout results that say what happened, each breaker
 * opens (visible in results and on /actuator/prometheus) and probes again, the wrong password reaches the
 * server once per probe only, and the healthy target's jobs keep their schedule throughout.
 */
class TargetFaultsIT {

    private static final int SECONDS = 16;
    private static final String NOT_RUN = "not run, circuit OPEN";

    @Test
    void brokenTargetsTripTheirBreakersWhileTheHealthyOneKeepsItsCadence() throws Exception {
        String storeUrl = TestDatabases.newPostgresDatabase("faultstore");
        String targetUrl = TestDatabases.newPostgresDatabase("faulttarget");
        TestDatabases.passwordCheckedRole("faultmon", "the-right-password");
        URI target = URI.create(targetUrl.substring(5));
        int pgPort = target.getPort();
        String database = target.getPath().substring(1);

        try (FaultyProxy hanging = new FaultyProxy(pgPort, Mode.HANG, null);
             FaultyProxy wrongPassword = new FaultyProxy(pgPort, Mode.PASS, null);
             FaultyProxy dropping = new FaultyProxy(pgPort, Mode.DROP_ON_MARKER, "drop-me");
             ConfigurableApplicationContext app = WorkerApp.start(storeUrl, "postgres", "", Map.of(
                     "monitoring.worker.job-threads", 8,
                     "monitoring.targets.breaker.failures", 3,
                     "monitoring.targets.breaker.open-seconds", 3,
                     "monitoring.targets.breaker.max-open-seconds", 6))) {
            Store store = new Store(TestDatabases.postgresDataSource(storeUrl));
            // only the runs this test schedules: the seeded every-minute Connection Test stays out
            store.jdbc().update("UPDATE monitoring.DatabaseQueries SET IsEnabled = false WHERE QueryName = 'Connection Test'");
            UUID healthy = store.connection("healthy", "PostgreSQL", targetUrl, "it", 2);
            UUID hang = store.connection("hanging", "PostgreSQL",
                    "jdbc:postgresql://127.0.0.1:" + hanging.port() + "/" + database + "?user=postgres", "it", 2);
            UUID refused = store.connection("refusing", "PostgreSQL",
                    "jdbc:postgresql://127.0.0.1:" + closedPort() + "/" + database + "?user=postgres", "it", 2);
            UUID password = store.connection("wrong password", "PostgreSQL", "Host=127.0.0.1;Port=" + wrongPassword.port()
                    + ";Database=" + database + ";Username=faultmon;Password=not-the-password", "it", 2);
            UUID drop = store.connection("dropping", "PostgreSQL",
                    "jdbc:postgresql://127.0.0.1:" + dropping.port() + "/" + database + "?user=postgres", "it", 2);
            UUID select = store.query("select one", "PostgreSQL", "SELECT 1", "Scalar", null, null, null, 2, 10, false);
            UUID marked = store.query("marked select", "PostgreSQL", "SELECT 'drop-me'", "Scalar", null, null, null, 2, 10, false);

            // a schedule of jobs from now on: the healthy target every 0.5 s, each broken one every second
            scheduled(store, healthy, select, 2 * SECONDS, 500);
            for (UUID broken : List.of(hang, refused, password)) {
                scheduled(store, broken, select, SECONDS, 1000);
            }
            scheduled(store, drop, marked, SECONDS, 1000);

            String metricsUrl = "http://localhost:" + app.getEnvironment().getProperty("local.management.port") + "/actuator/prometheus";
            Set<UUID> seenOpen = new HashSet<>();
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).until(() -> {
                String metrics = scrape(metricsUrl);
                for (UUID id : List.of(hang, refused, password, drop)) {
                    if (Integer.valueOf(2).equals(circuitState(metrics, id))) {
                        seenOpen.add(id);
                    }
                }
                return seenOpen.size() == 4;
            });
            // the hanging target recovers: the next probe finds it answering and closes its breaker
            hanging.mode(Mode.PASS);

            await().atMost(Duration.ofSeconds(60)).until(() -> store.jdbc().queryForObject(
                    "SELECT COUNT(*) FROM monitoring.WorkerJobs WHERE Status NOT IN ('Succeeded', 'Failed')", Integer.class) == 0);
            assertThat(store.jdbc().queryForObject("SELECT COUNT(*) FROM monitoring.WorkerJobs WHERE Status = 'Failed'", Integer.class))
                    .as("a broken target is a result, not a failed job").isZero();
            assertThat(store.jdbc().queryForObject("SELECT COUNT(*) FROM monitoring.WorkerJobs j WHERE (SELECT COUNT(*) FROM "
                    + "monitoring.DatabaseMonitoringResults r WHERE r.JobId = j.JobId) <> 1", Integer.class)).isZero();

            // the healthy target: every run Ok, each started within a poll of its schedule; its outcome is written with
            // its claimed batch, so at most the batch's slowest run later (a broken target's deadline: 2 s connect + 2 s
            // statement + 2 s grace)
            List<Row> healthyRuns = results(store, healthy);
            assertThat(healthyRuns).hasSize(2 * SECONDS).allMatch(r -> r.string("Status").equals("Ok"));
            List<Double> lags = store.jdbc().queryForList("SELECT EXTRACT(EPOCH FROM (StartedAt - ScheduledAt)) FROM "
                    + "monitoring.WorkerJobs WHERE ConnectionId = ? ORDER BY 1", Double.class, healthy);
            List<Double> completions = store.jdbc().queryForList("SELECT EXTRACT(EPOCH FROM (CompletedAt - ScheduledAt)) FROM "
                    + "monitoring.WorkerJobs WHERE ConnectionId = ? ORDER BY 1", Double.class, healthy);
            System.out.printf("healthy target beside four broken ones: schedule-to-start p50 %.3f s, max %.3f s; schedule-to-completion p50 %.3f s, "
                    + "max %.3f s over %d runs%n", lags.get(lags.size() / 2), lags.get(lags.size() - 1), completions.get(completions.size() / 2),
                    completions.get(completions.size() - 1), lags.size());
            assertThat(lags.get(lags.size() - 1)).as("slowest healthy start behind its schedule, seconds").isLessThan(2.0);
            assertThat(completions.get(completions.size() - 1)).as("slowest healthy completion behind its schedule, seconds").isLessThan(2.0 + 6.0);

            List<Row> hangRuns = results(store, hang);
            assertThat(hangRuns.get(0).string("Status")).isIn("Timeout", "Error");
            assertThat(hangRuns.get(0).string("ErrorMessage")).startsWith("connection 'hanging', query 'select one': ")
                    .containsAnyOf("timed out", "not available");
            assertThat(hangRuns).anyMatch(r -> r.string("ErrorMessage") != null && r.string("ErrorMessage").contains(NOT_RUN)
                    && r.string("Details").contains("\"circuit\":\"OPEN\""));
            long admittedHangRuns = hangRuns.stream().filter(r -> r.string("ErrorMessage") == null
                    || !r.string("ErrorMessage").contains("not run, circuit")).count();
            System.out.printf("hanging target: %d connections reached it for %d admitted of %d scheduled runs%n",
                    hanging.accepted(), admittedHangRuns, hangRuns.size());
            assertThat(hanging.accepted()).as("no connection storm: a few connects per admitted run at most")
                    .isLessThanOrEqualTo((int) (2 * admittedHangRuns));
            Row lastHang = hangRuns.get(hangRuns.size() - 1);
            assertThat(lastHang.string("Status")).as("after recovery the probe closes the breaker").isEqualTo("Ok");
            assertThat(lastHang.string("Details")).contains("\"circuit\":\"CLOSED\"");

            List<Row> refusedRuns = results(store, refused);
            assertThat(refusedRuns.get(0).string("Status")).isEqualTo("Error");
            assertThat(refusedRuns.get(0).string("ErrorMessage")).startsWith("connection 'refusing', query 'select one': ")
                    .contains("refused");
            assertThat(refusedRuns).anyMatch(r -> r.string("ErrorMessage").contains(NOT_RUN));

            List<Row> passwordRuns = results(store, password);
            assertThat(passwordRuns.get(0).string("ErrorMessage"))
                    .contains("password authentication failed for user \"faultmon\"").doesNotContain("not-the-password");
            long notRun = passwordRuns.stream().filter(r -> r.string("ErrorMessage").contains("not run, circuit")).count();
            System.out.printf("wrong password: %d logins reached the server for %d scheduled runs, %d skipped by the open breaker%n",
                    wrongPassword.accepted(), passwordRuns.size(), notRun);
            // the first run and one probe per open interval (3 s, then 6 s): never one login per scheduled run
            assertThat(wrongPassword.accepted()).as("logins that reached the server").isBetween(2, 4);
            assertThat(notRun).isGreaterThanOrEqualTo(SECONDS / 2);

            List<Row> dropRuns = results(store, drop);
            assertThat(dropRuns.subList(0, 3)).allMatch(r -> r.string("Status").equals("Error")
                    && r.string("ErrorMessage").startsWith("connection 'dropping', query 'marked select': ")
                    && r.string("ErrorMessage").contains("I/O error"));
            assertThat(dropRuns.get(3).string("ErrorMessage")).as("three faults in a row open the breaker").contains(NOT_RUN);

            // one series per connection, and none left behind: disabled and deleted connections lose theirs at the next
            // scheduling tick; a corrected row starts over with a closed breaker
            assertThat(circuitState(scrape(metricsUrl), healthy)).isZero();
            assertThat(Pattern.compile("^monitoring_target_circuit_state\\{", Pattern.MULTILINE).matcher(scrape(metricsUrl)).results().count())
                    .isEqualTo(5);
            store.jdbc().update("UPDATE monitoring.DatabaseConnections SET IsEnabled = false WHERE ConnectionId IN (?, ?)", hang, refused);
            store.jdbc().update("DELETE FROM monitoring.DatabaseConnections WHERE ConnectionId = ?", drop);
            store.jdbc().update("UPDATE monitoring.DatabaseConnections SET ConnectionString = ? WHERE ConnectionId = ?", "Host=127.0.0.1;Port="
                    + wrongPassword.port() + ";Database=" + database + ";Username=faultmon;Password=the-right-password", password);
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).until(() -> {
                String metrics = scrape(metricsUrl);
                return List.of(hang, refused, drop, password).stream().allMatch(id -> circuitState(metrics, id) == null);
            });
            assertThat(circuitState(scrape(metricsUrl), healthy)).as("an unchanged connection keeps its breaker").isZero();
            scheduled(store, password, select, 1, 0);
            await().atMost(Duration.ofSeconds(15)).until(() -> results(store, password).size() == passwordRuns.size() + 1);
            Row corrected = results(store, password).get(passwordRuns.size());
            assertThat(corrected.string("Status")).isEqualTo("Ok");
            assertThat(corrected.string("Details")).contains("\"circuit\":\"CLOSED\"");
            assertThat(circuitState(scrape(metricsUrl), password)).isZero();
        }
    }

    /** A connection's breaker on the scrape: 0 closed, 1 half-open, 2 open; null when it has no series. */
    private static Integer circuitState(String metrics, UUID connection) {
        var m = Pattern.compile("^monitoring_target_circuit_state\\{[^}]*connection=\"" + connection + "\"[^}]*} ([0-9.]+)$", Pattern.MULTILINE)
                .matcher(metrics);
        return m.find() ? (int) Double.parseDouble(m.group(1)) : null;
    }

    /** {@code count} jobs for one pair, due from now on every {@code everyMs}. */
    private static void scheduled(Store store, UUID connection, UUID query, int count, int everyMs) {
        for (int i = 0; i < count; i++) {
            store.jdbc().update("INSERT INTO monitoring.WorkerJobs (JobId, JobName, ConnectionId, QueryId, ScheduledAt) VALUES "
                            + "(?, ?, ?, ?, (now() AT TIME ZONE 'UTC') + make_interval(secs => ?))",
                    UUID.randomUUID(), "run " + i, connection, query, 1.0 + i * everyMs / 1000.0);
        }
    }

    private static List<Row> results(Store store, UUID connection) {
        return store.jdbc().queryForList("SELECT r.* FROM monitoring.DatabaseMonitoringResults r JOIN monitoring.WorkerJobs j "
                + "ON j.JobId = r.JobId WHERE r.ConnectionId = ? ORDER BY j.ScheduledAt", connection).stream().map(Row::of).toList();
    }

    private static String scrape(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
