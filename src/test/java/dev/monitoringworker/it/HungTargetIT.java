package dev.monitoringworker.it;

import dev.monitoringworker.store.Row;
import dev.monitoringworker.support.FaultyProxy;
import dev.monitoringworker.support.FaultyProxy.Mode;
import dev.monitoringworker.support.Store;
import dev.monitoringworker.support.TestDatabases;
import dev.monitoringworker.support.WorkerApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A network black hole mid-query, on real PostgreSQL and MariaDB servers behind a proxy that lets the query
 * through and then forwards nothing back, without closing anything. The statement's own timeout cannot help: its
 * cancel reaches a server that finished long ago. The envelope's socket timeout (statement timeout + 2 s) ends
 * the run on the thread that runs it, as a Timeout result; three of them open the connection's breaker; once
 * the network answers again, the breaker's probe finds a fresh connection that works.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HungTargetIT {

    private static final int STATEMENT_TIMEOUT_SECONDS = 1;
    private static final int SOCKET_GRACE_MS = 2_000;

    private ConfigurableApplicationContext app;
    private Store store;

    @BeforeAll
    void start() {
        // one work thread: a run that held it would hold every run after it
        app = WorkerApp.start("jdbc:h2:mem:hung-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", Map.of(
                "monitoring.worker.work-threads", 1,
                "monitoring.targets.breaker.failures", 3,
                "monitoring.targets.breaker.open-seconds", 1,
                "monitoring.targets.breaker.max-open-seconds", 2));
        store = new Store(app.getBean(DataSource.class));
        store.jdbc().update("UPDATE monitoring.DatabaseQueries SET IsEnabled = false WHERE QueryName = 'Connection Test'");
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PostgreSQL", "MySQL"})
    void aServerThatStopsAnsweringMidQueryEndsAsTimeoutAndFreesTheThread(String provider) throws Exception {
        String url = provider.equals("PostgreSQL") ? TestDatabases.newPostgresDatabase("hung") : TestDatabases.newMariaDbDatabase("hung");
        URI target = URI.create(url.substring(5));
        try (FaultyProxy proxy = new FaultyProxy(target.getPort(), Mode.STALL_ON_MARKER, "stall-me")) {
            String viaProxy = "jdbc:" + target.getScheme() + "://127.0.0.1:" + proxy.port() + target.getPath()
                    + (provider.equals("PostgreSQL") ? "?user=postgres" : "?user=root");
            UUID connection = store.connection("black hole " + provider, provider, viaProxy, "it", 2);
            store.jdbc().update("UPDATE monitoring.DatabaseConnections SET MaxConcurrency = 1 WHERE ConnectionId = ?", connection);
            UUID stalling = store.query("stalling " + provider, provider, "SELECT 'stall-me'", "Scalar", null, null, null,
                    STATEMENT_TIMEOUT_SECONDS, 10, false);
            List<UUID> jobs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                jobs.add(store.job("stalled " + i, connection, stalling, null, 1));
            }
            List<Row> runs = new ArrayList<>();
            for (UUID job : jobs) {
                store.awaitJob(job, "Succeeded", Duration.ofSeconds(60));
                runs.add(store.results(job).values().iterator().next());
            }
            // one lane, one work thread: the runs follow each other; the fourth finds the breaker open
            List<Row> timedOut = runs.stream().filter(r -> r.string("Status").equals("Timeout")).toList();
            assertThat(timedOut).as("runs ended by the socket timeout").hasSize(3);
            for (Row run : timedOut) {
                assertThat(run.string("ErrorMessage")).startsWith("connection 'black hole " + provider + "', query 'stalling " + provider + "': ");
                // the run's own thread was blocked in the socket read: it is back within the socket timeout
                assertThat(run.integer("DurationMs")).isBetween(STATEMENT_TIMEOUT_SECONDS * 1000, STATEMENT_TIMEOUT_SECONDS * 1000 + SOCKET_GRACE_MS + 5_000);
            }
            assertThat(runs).filteredOn(r -> r.string("Status").equals("Error")).singleElement()
                    .satisfies(r -> assertThat(r.string("ErrorMessage")).as("three hung runs opened the breaker").contains("not run, circuit OPEN"));

            // the network answers again: the probe's fresh connection works, the breaker closes
            proxy.mode(Mode.PASS);
            UUID answering = store.query("answering " + provider, provider, "SELECT 7", "Scalar", null, null, null,
                    STATEMENT_TIMEOUT_SECONDS, 10, false);
            Row recovered = null;
            for (int attempt = 0; attempt < 10 && (recovered == null || !recovered.string("Status").equals("Ok")); attempt++) {
                UUID job = store.job("after " + attempt, connection, answering, null, 1);
                store.awaitJob(job, "Succeeded", Duration.ofSeconds(30));
                recovered = store.results(job).values().iterator().next();
            }
            assertThat(recovered.string("Status")).isEqualTo("Ok");
            assertThat(recovered.decimal("ResultValue")).isEqualTo(7.0);
            assertThat(recovered.string("Details")).contains("\"circuit\":\"CLOSED\"");
        }
    }
}
