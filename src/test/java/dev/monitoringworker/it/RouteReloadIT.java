package dev.monitoringworker.it;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.monitoringworker.support.Store;
import dev.monitoringworker.support.TestDatabases;
import dev.monitoringworker.support.WorkerApp;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
        Path routes = dir.resolve("routes");
        Files.createDirectories(routes);
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            for (Path f : files.toList()) {
                Files.copy(f, routes.resolve(f.getFileName()));
            }
        }
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
            await().atMost(Duration.ofSeconds(20)).until(() -> camel.getRoute("execute-work") != null
                    && "Edited while running".equals(camel.getRoute("execute-work").getDescription()));
            assertThat(camel.getRouteController().getRouteStatus("execute-work")).isEqualTo(ServiceStatus.Started);
            UUID afterEdit = store.job("after a good edit", connection, query, null, 3);
            store.awaitJob(afterEdit, "Succeeded", Duration.ofSeconds(20));

            Files.writeString(execution, original.replace("- route:\n    id: execute-work", "- route:\n  id: execute-work\n   broken: [\n"));
            await().atMost(Duration.ofSeconds(20)).until(() -> log.list.stream().anyMatch(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN)
                    && (e.getFormattedMessage() + throwableText(e)).contains("execution.camel.yaml")));
            assertThat(camel.getRouteController().getRouteStatus("execute-work")).isEqualTo(ServiceStatus.Started);
            assertThat(camel.getRouteController().getRouteStatus("poll-worker-jobs")).isEqualTo(ServiceStatus.Started);
            UUID afterBreak = store.job("after a broken edit", connection, query, null, 3);
            store.awaitJob(afterBreak, "Succeeded", Duration.ofSeconds(20));
        } finally {
            root.detachAppender(log);
        }
    }

    private static String throwableText(ILoggingEvent e) {
        StringBuilder text = new StringBuilder();
        for (var t = e.getThrowableProxy(); t != null; t = t.getCause()) {
            text.append(' ').append(t.getMessage());
        }
        return text.toString();
    }
}
