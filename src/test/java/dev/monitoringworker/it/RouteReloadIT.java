package dev.monitoringworker.it;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.monitoringworker.support.Store;
import dev.monitoringworker.support.TestDatabases;
import dev.monitoringworker.support.WorkerApp;
import dev.monitoringworker.worker.WorkerIdentity;
import org.apache.camel.CamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.api.management.ManagedCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Editing a route file while the worker runs: a good edit is live within seconds, a broken one is reported
 * in the log with the file's name while the running routes keep working.
 */
class RouteReloadIT {

    @Test
    void aGoodEditIsLiveAndABrokenOneLeavesTheRunningRoutesBe(@TempDir Path dir) throws Exception {
        Path routes = copiedRoutes(dir);
        String storeUrl = TestDatabases.newPostgresDatabase("reloadstore");
        String targetUrl = TestDatabases.newPostgresDatabase("reloadtarget");
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        try (ConfigurableApplicationContext app = WorkerApp.start(storeUrl, "postgres", "", Map.of("monitoring.routes.dir", routes))) {
            root.addAppender(log);
            CamelContext camel = app.getBean(CamelContext.class);
            Store store = new Store(TestDatabases.postgresDataSource(storeUrl));
            UUID connection = store.connection("reload target", "PostgreSQL", targetUrl, "it", 5);
            UUID query = store.query("reload query", "PostgreSQL", "SELECT 1", "Scalar", null, null, null, 5, 10, false);
            Path execution = routes.resolve("execution.camel.yaml");
            String original = Files.readString(execution);

            Files.writeString(execution, original.replace(
                    "description: Prepares a work item, runs it on its provider's route within a deadline and evaluates the outcome",
                    "description: Edited while running"));
            // the reloaded route is there with its new text first, and started a moment later
            await().atMost(Duration.ofSeconds(20)).until(() -> camel.getRoute("execute-work") != null
                    && "Edited while running".equals(camel.getRoute("execute-work").getDescription())
                    && camel.getRouteController().getRouteStatus("execute-work") == ServiceStatus.Started);
            UUID afterEdit = store.job("after a good edit", connection, query, null, 3);
            store.awaitJob(afterEdit, "Succeeded", Duration.ofSeconds(20));

            Files.writeString(execution, original.replace("- route:\n    id: execute-work", "- route:\n  id: execute-work\n   broken: [\n"));
            await().atMost(Duration.ofSeconds(20)).until(() -> logged(log).stream().anyMatch(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN)
                    && (e.getFormattedMessage() + throwableText(e)).contains("execution.camel.yaml")));
            assertThat(camel.getRouteController().getRouteStatus("execute-work")).isEqualTo(ServiceStatus.Started);
            assertThat(camel.getRouteController().getRouteStatus("poll-worker-jobs")).isEqualTo(ServiceStatus.Started);
            UUID afterBreak = store.job("after a broken edit", connection, query, null, 3);
            store.awaitJob(afterBreak, "Succeeded", Duration.ofSeconds(20));
        } finally {
            root.detachAppender(log);
        }
    }

    @Test
    void aStepThatCannotBeBuiltLeavesEveryRouteOfItsFileRunningAndSaysWhere(@TempDir Path dir) throws Exception {
        Path routes = copiedRoutes(dir);
        String storeUrl = TestDatabases.newPostgresDatabase("reloadbuild");
        String targetUrl = TestDatabases.newPostgresDatabase("reloadbuildtarget");
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        try (ConfigurableApplicationContext app = WorkerApp.start(storeUrl, "postgres", "", Map.of("monitoring.routes.dir", routes))) {
            root.addAppender(log);
            CamelContext camel = app.getBean(CamelContext.class);
            Store store = new Store(TestDatabases.postgresDataSource(storeUrl));
            UUID connection = store.connection("reload target", "PostgreSQL", targetUrl, "it", 5);
            UUID query = store.query("reload query", "PostgreSQL", "SELECT 1", "Scalar", null, null, null, 5, 10, false);
            List<String> jobRoutes = camel.getCamelContextExtension().getContextPlugin(Model.class).getRouteDefinitions().stream()
                    .filter(d -> d.getResource() != null && d.getResource().getLocation().endsWith("/jobs.camel.yaml")).map(RouteDefinition::getRouteId).toList();
            assertThat(jobRoutes).contains("poll-worker-jobs", "run-batch", "write-batch").hasSizeGreaterThan(10);
            Path jobs = routes.resolve("jobs.camel.yaml");
            String original = Files.readString(jobs);
            String broken = original.replace("      steps:\n        # claims name this worker as runner: nothing to claim before its row exists\n",
                    "      steps:\n        - to:\n            uri: nosuchcomponent:x\n");
            assertThat(broken).isNotEqualTo(original);
            int brokenLine = List.of(broken.split("\n")).indexOf("            uri: nosuchcomponent:x") + 1;

            Files.writeString(jobs, broken);
            ILoggingEvent error = await().atMost(Duration.ofSeconds(20)).until(() -> logged(log).stream()
                    .filter(e -> e.getLevel() == Level.ERROR && e.getFormattedMessage().startsWith("Route file jobs.camel.yaml not applied")).findFirst(),
                    java.util.Optional::isPresent).orElseThrow();
            assertThat(error.getFormattedMessage()).contains("line " + brokenLine + " (route poll-worker-jobs)").contains("nosuchcomponent");
            // Camel takes a file's routes down before it finds a step it cannot build; they are back within the reload
            await().atMost(Duration.ofSeconds(10)).until(() -> jobRoutes.stream()
                    .allMatch(id -> camel.getRouteController().getRouteStatus(id) == ServiceStatus.Started));
            assertThat(readiness(app)).isEqualTo(200);
            UUID afterBreak = store.job("after an edit that cannot be built", connection, query, null, 3);
            store.awaitJob(afterBreak, "Succeeded", Duration.ofSeconds(20));

            // a file that does not parse: the parser's line
            Files.writeString(jobs, original.replace("- route:\n    id: poll-worker-jobs", "- route:\n  id: poll-worker-jobs\n   broken: [\n"));
            await().atMost(Duration.ofSeconds(20)).until(() -> logged(log).stream().filter(e -> e.getLevel() == Level.ERROR
                    && e.getFormattedMessage().startsWith("Route file jobs.camel.yaml not applied, line 54: ")).count() >= 1);
            await().atMost(Duration.ofSeconds(10)).until(() -> jobRoutes.stream()
                    .allMatch(id -> camel.getRouteController().getRouteStatus(id) == ServiceStatus.Started));

            // saved right again: the file's routes are replaced as usual
            Files.writeString(jobs, original.replace("description: Claims due jobs in batches", "description: Edited claims due jobs in batches"));
            await().atMost(Duration.ofSeconds(20)).until(() -> camel.getRoute("poll-worker-jobs") != null
                    && camel.getRoute("poll-worker-jobs").getDescription().startsWith("Edited"));
            await().atMost(Duration.ofSeconds(10)).until(() -> jobRoutes.stream()
                    .allMatch(id -> camel.getRouteController().getRouteStatus(id) == ServiceStatus.Started));
            UUID afterFix = store.job("after the file is fixed", connection, query, null, 3);
            store.awaitJob(afterFix, "Succeeded", Duration.ofSeconds(20));
        } finally {
            root.detachAppender(log);
        }
    }

    @Test
    void aReloadDoesNotRunTheOneShotRoutesAgain(@TempDir Path dir) throws Exception {
        Path routes = copiedRoutes(dir);
        String storeUrl = TestDatabases.newPostgresDatabase("reloadonce");
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        try (ConfigurableApplicationContext app = WorkerApp.start(storeUrl, "postgres", "", Map.of("monitoring.routes.dir", routes))) {
            // the registration at start is over before the file is edited
            await().atMost(Duration.ofSeconds(20)).until(() -> app.getBean(WorkerIdentity.class).registered());
            root.addAppender(log);
            CamelContext camel = app.getBean(CamelContext.class);
            Store store = new Store(TestDatabases.postgresDataSource(storeUrl));
            String workerId = app.getBean(WorkerIdentity.class).id().toString();
            Path lifecycle = routes.resolve("worker-lifecycle.camel.yaml");
            Files.writeString(lifecycle, Files.readString(lifecycle).replace("description: Registers this worker once", "description: Edited, registers once"));
            await().atMost(Duration.ofSeconds(20)).until(() -> camel.getRoute("register-worker") != null
                    && camel.getRoute("register-worker").getDescription().startsWith("Edited")
                    && camel.getRouteController().getRouteStatus("register-worker") == ServiceStatus.Started);
            // the timer fired again on the new route: its exchange went through the guard and did nothing
            ManagedCamelContext managed = camel.getCamelContextExtension().getContextPlugin(ManagedCamelContext.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> managed.getManagedRoute("register-worker").getExchangesTotal() == 1);
            assertThat(managed.getManagedRoute("register-worker").getExchangesFailed()).isZero();
            assertThat(logged(log)).noneMatch(e -> e.getFormattedMessage().contains("registered on"))
                    .noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN));
            assertThat(store.jdbc().queryForObject("SELECT COUNT(*) FROM monitoring.WorkerInstances WHERE WorkerInstanceId = ?::uuid AND Status = 'Running'",
                    Integer.class, workerId)).isEqualTo(1);
        } finally {
            root.detachAppender(log);
        }
    }

    private static Path copiedRoutes(Path dir) throws Exception {
        Path routes = dir.resolve("routes");
        Files.createDirectories(routes);
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".camel.yaml")).toList()) {
                Files.copy(f, routes.resolve(f.getFileName()));
            }
        }
        return routes;
    }

    private static int readiness(ConfigurableApplicationContext app) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.getEnvironment().getProperty("local.management.port")
                + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static String throwableText(ILoggingEvent e) {
        StringBuilder text = new StringBuilder();
        for (var t = e.getThrowableProxy(); t != null; t = t.getCause()) {
            text.append(' ').append(t.getMessage());
        }
        return text.toString();
    }

    /** What the appender holds so far: it appends under its own lock, from the reloading thread. */
    private static List<ILoggingEvent> logged(ListAppender<ILoggingEvent> log) {
        synchronized (log) {
            return List.copyOf(log.list);
        }
    }
}
